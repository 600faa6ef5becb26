// Runs a notebook's cells in order through one Python session, so that names defined in a cell are seen by the
// cells after it (as in Jupyter); models are shared across the notebooks of a run (ModelCache).

import QuillCommonMark
import Foundation
import QuillPython

public struct CellResult: Sendable {
    public enum Status: Sendable, Equatable {
        case ok
        case failed(Diagnostic)
        /// Not run because an earlier cell failed.
        case notRun
    }
    public var cell: Cell
    /// What the cell printed (up to the error, when it failed).
    public var output: String
    public var status: Status
    /// The cell's displays (tables, figures) and where in `output` their text forms sit, in order.
    public var displays: [PlacedDisplay] = []
    /// Seconds the cell ran (0 for a cell not run).
    public var seconds: Double = 0
}

public struct NotebookRun: Sendable {
    public var notebook: Notebook
    public var results: [CellResult]
    /// Set when a model could not be had: the notebook was not run (its other results are not meaningful).
    public var unavailable: ModelUnavailable?
    /// The parameters the cells saw: the front matter's defaults, overridden by RunOptions.params.
    public var params: [Param] = []
    /// The data files the cells asked to read (absolute paths, existing or not), for `quill watch`.
    public var filesRead: [String] = []

    /// Diagnostics of reading plus those of failed cells, in file order.
    public var diagnostics: [Diagnostic] {
        notebook.diagnostics + results.compactMap { if case .failed(let d) = $0.status { return d } else { return nil } }
    }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public struct RunOptions: Sendable {
    /// Keep running the cells after a failing one (nbclient's allow_errors).
    public var keepGoing = false
    /// Overrides every cell's timeout, in seconds.
    public var timeout: Double?
    /// Parameter values by name (`-p NAME=VALUE`), each a name the notebook declares (Notebook.undeclared).
    public var params: [String: ParamValue]
    public init(keepGoing: Bool = false, timeout: Double? = nil, params: [String: ParamValue] = [:]) {
        self.keepGoing = keepGoing
        self.timeout = timeout
        self.params = params
    }
}

public struct Runner: Sendable {
    /// The largest cell source accepted; beyond it the cell fails before parsing.
    public static let cellByteLimit = 1 << 20
    /// The most text one cell may print; beyond it the cell fails instead of filling the disk.
    public static let outputLimit = 4 << 20

    /// The models of a notebook in a given folder (relative model paths start there).
    public let hosts: @Sendable (_ notebookDirectory: URL) -> any ModelHost
    public let cache: ModelCache
    /// Set to the running cell while it runs, for hosts that check its deadline between batches (CellClock).
    public let clock: CellClock

    public init(hosts: @escaping @Sendable (_ notebookDirectory: URL) -> any ModelHost, cache: ModelCache = ModelCache(),
                clock: CellClock = CellClock()) {
        self.hosts = hosts
        self.cache = cache
        self.clock = clock
    }

    /// One host for every notebook.
    public init(host: any ModelHost, cache: ModelCache = ModelCache(), clock: CellClock = CellClock()) {
        self.init(hosts: { _ in host }, cache: cache, clock: clock)
    }

    /// The display of a cell's last bare expression, as Jupyter's Out[] shows it: its repr, on a line of its own
    /// after what the cell printed.
    static func displayLine(_ repr: String, after printed: String) -> String {
        (printed.isEmpty || printed.hasSuffix("\n") ? "" : "\n") + repr + "\n"
    }

    /// Runs every cell of `notebook`, reading data files from `directory` (the notebook's folder). A notebook with
    /// reading errors runs no cell; a cell whose model cannot be had stops the notebook (`unavailable`).
    public func run(_ notebook: Notebook, directory: URL, options: RunOptions = RunOptions()) -> NotebookRun {
        var run = NotebookRun(notebook: notebook, results: [])
        guard !notebook.hasErrors else { return run }
        let host = CachingHost(cache: cache, directory: directory, host: hosts(directory))
        let session = Session(host: host, options: SessionOptions(dataDirectory: directory, outputLimit: Runner.outputLimit))
        let log = DisplayLog()
        QuillBuiltins.install(in: session, log: log)
        var stopped = false
        run.params = notebook.params.map { Param(name: $0.name, value: options.params[$0.name] ?? $0.value, line: $0.line) }
        if let failure = Runner.define(run.params, in: session, notebook: notebook) {
            run.results = notebook.cells.map { CellResult(cell: $0, output: "", status: .notRun) }
            if let first = run.results.indices.first { run.results[first].status = .failed(failure) }
            return run
        }
        for cell in notebook.cells {
            if stopped {
                run.results.append(CellResult(cell: cell, output: "", status: .notRun))
                continue
            }
            // `#| eval: false`: shown, not run; nothing to compare or write.
            guard cell.options.eval else {
                run.results.append(CellResult(cell: cell, output: "", status: .ok))
                continue
            }
            guard cell.source.utf8.count <= Runner.cellByteLimit else {
                run.results.append(CellResult(cell: cell, output: "", status: .failed(CellError.tooLarge(cell, file: notebook.path))))
                stopped = !options.keepGoing
                continue
            }
            let seconds = options.timeout ?? cell.options.timeout
            _ = log.take()
            let started = ContinuousClock.now
            let deadline = started + .milliseconds(Int64(min(seconds, 1e9) * 1000))
            clock.begin(CellClock.Running(notebook: notebook.path, line: cell.line, started: started, deadline: deadline))
            let outcome = session.run(cell.source, deadline: deadline)
            clock.end()
            let spent = Runner.seconds(ContinuousClock.now - started)
            if let unavailable = outcome.unavailable {
                run.unavailable = unavailable
                run.results.append(CellResult(cell: cell, output: outcome.output, status: .notRun))
                stopped = true
                continue
            }
            var status = CellResult.Status.ok
            var output = outcome.output
            if let value = outcome.displayValue, !notebook.isScript {
                output += Runner.displayLine(session.repr(value), after: output)
            }
            if let error = outcome.error {
                status = .failed(CellError.diagnostic(error, cell: cell, file: notebook.path, seconds: seconds, spent: spent))
                stopped = !options.keepGoing
            }
            run.results.append(CellResult(cell: cell, output: output, status: status,
                                          displays: CellResult.captioned(DisplayLog.place(log.take(), in: output), cell.options),
                                          seconds: spent))
        }
        run.filesRead = session.filesRead
        // Without its model the notebook as a whole is not run: the cells before the one that loads it too.
        if run.unavailable != nil {
            run.results = run.results.map { CellResult(cell: $0.cell, output: $0.output, status: .notRun) }
        }
        return run
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
