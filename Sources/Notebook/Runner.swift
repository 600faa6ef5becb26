// Runs a notebook's cells in order, sharing variables across cells and models across notebooks.

import CommonMark
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
}

public struct NotebookRun: Sendable {
    public var notebook: Notebook
    public var results: [CellResult]
    /// Set when a model could not be had: the notebook was not run (its other results are not meaningful).
    public var unavailable: ModelUnavailable?

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
    public init(keepGoing: Bool = false, timeout: Double? = nil) {
        self.keepGoing = keepGoing
        self.timeout = timeout
    }
}

public struct Runner: Sendable {
    /// The largest cell source accepted; beyond it the cell fails before lexing.
    public static let cellByteLimit = 1 << 20

    /// The models of a notebook in a given folder (relative model paths start there).
    public let hosts: @Sendable (_ notebookDirectory: URL) -> any ModelHost
    public let cache: ModelCache

    public init(hosts: @escaping @Sendable (_ notebookDirectory: URL) -> any ModelHost, cache: ModelCache = ModelCache()) {
        self.hosts = hosts
        self.cache = cache
    }

    /// One host for every notebook.
    public init(host: any ModelHost, cache: ModelCache = ModelCache()) {
        self.init(hosts: { _ in host }, cache: cache)
    }

    /// Runs every cell of `notebook`. A notebook with reading errors runs no cell.
    public func run(_ notebook: Notebook, directory: URL, options: RunOptions = RunOptions()) -> NotebookRun {
        var run = NotebookRun(notebook: notebook, results: [])
        guard !notebook.hasErrors else { return run }
        var interpreter = Interpreter(host: hosts(directory), cache: cache, notebookDirectory: directory)
        var stopped = false
        for cell in notebook.cells {
            if stopped {
                run.results.append(CellResult(cell: cell, output: "", status: .notRun))
                continue
            }
            interpreter.output = ""
            let seconds = options.timeout ?? cell.options.timeout
            interpreter.deadline = ContinuousClock.now + .milliseconds(Int64(min(seconds, 1e9) * 1000))
            var status = CellResult.Status.ok
            do {
                guard cell.source.utf8.count <= Runner.cellByteLimit else {
                    throw Diagnostic("cell is \(cell.source.utf8.count) bytes, over the limit of \(Runner.cellByteLimit >> 10) KiB",
                                     at: cell.block.range, hint: "keep data in smaller cells or lists")
                }
                let statements = try DirectiveParser.parse(cell.source, origin: cell.origin)
                try interpreter.execute(statements)
            } catch let error as ModelUnavailable {
                run.unavailable = error
                run.results.append(CellResult(cell: cell, output: interpreter.output, status: .notRun))
                stopped = true
                continue
            } catch var diagnostic as Diagnostic {
                diagnostic.file = notebook.path
                status = .failed(diagnostic)
            } catch is CellTimeout {
                status = .failed(Diagnostic("cell timed out after \(Value.shortest(seconds)) s", at: cell.block.range,
                                            hint: "raise it with '#| timeout: SECONDS' or --timeout", file: notebook.path))
            } catch {
                status = .failed(Diagnostic("\(error)", at: cell.block.range, file: notebook.path))
            }
            if case .failed = status, !options.keepGoing { stopped = true }
            run.results.append(CellResult(cell: cell, output: interpreter.output, status: status))
        }
        return run
    }
}
