// A session runs cells one after another with shared names, as a Jupyter kernel does, and collects what each
// prints. Each cell is parsed, compiled to closures and run on a thread with a large stack, so that deep Python
// recursion meets the recursion limit (RecursionError) long before the native stack ends.

import Foundation

public struct SessionOptions: Sendable {
    /// The folder `open()` and friends read from (the notebook's folder); nil: no file reading.
    public var dataDirectory: URL?
    /// The most elements (list items, dict entries, string bytes / 8, array scalars) one value may hold.
    public var memoryLimit: Int
    /// The most bytes a cell may print.
    public var outputLimit: Int

    public init(dataDirectory: URL? = nil, memoryLimit: Int = 50_000_000, outputLimit: Int = 4 << 20) {
        self.dataDirectory = dataDirectory
        self.memoryLimit = memoryLimit
        self.outputLimit = outputLimit
    }
}

/// What running one cell gave.
public struct CellOutcome {
    /// Everything printed, up to the error if there was one.
    public var output: String
    /// The exception, syntax error, unsupported feature or timeout that stopped the cell; its `loc` is in the
    /// cell's coordinates.
    public var error: PyError?
    /// The value of a last bare expression statement without `;` (not a string literal), for display.
    public var displayValue: Value?
    /// Set when a model could not be had at all: the notebook is then reported as not run.
    public var unavailable: ModelUnavailable?

    public init(output: String, error: PyError?, displayValue: Value? = nil, unavailable: ModelUnavailable? = nil) {
        self.output = output
        self.error = error
        self.displayValue = displayValue
        self.unavailable = unavailable
    }
}

public final class Session {
    let interpreter: Interpreter

    public init(host: any ModelHost, options: SessionOptions = SessionOptions()) {
        interpreter = Interpreter(host: host, options: options)
    }

    /// Drops the session's values on a large stack: releasing a deeply nested list recurses.
    deinit {
        let interp = interpreter
        LargeStack.run { interp.clearGlobals() }
    }

    /// The files the cells have asked to read so far (absolute paths inside the data folder, existing or not).
    public var filesRead: [String] { interpreter.filesRead }

    /// Runs one cell; names it defines stay for the next. `deadline`: when the cell times out.
    public func run(_ source: String, deadline: ContinuousClock.Instant? = nil) -> CellOutcome {
        LargeStack.run { self.runHere(source, deadline) }
    }

    /// Adds a name every later cell sees as it sees builtins: a cell may rebind it (Quill's `table`, for one).
    public func define(_ name: String, _ value: Value) {
        interpreter.defineBuiltin(name, value)
    }

    /// Makes a module importable by its name (`from quill import table`).
    public func register(_ module: PyModule) {
        interpreter.modules[module.name] = module
    }

    /// `repr(value)` as CPython prints it (for displaying a cell's value).
    public func repr(_ value: Value) -> String {
        LargeStack.run {
            do { return try self.interpreter.repr(value) } catch { return "<\(value.typeName) object>" }
        }
    }

    private func runHere(_ source: String, _ deadline: ContinuousClock.Instant?) -> CellOutcome {
        let interp = interpreter
        interp.output = ""
        interp.deadline = deadline
        interp.depth = 0
        interp.nesting = 0
        interp.residentAtStart = Interpreter.residentBytes()
        do {
            let module = try Parser.parse(source)
            let cell = try Compiler.compileCell(module, interp)
            let frame = Frame(slotCount: cell.slotCount, cells: (0..<cell.cellCount).map { _ in Cell() })
            _ = try cell.body(frame)
            var display: Value?
            if let code = cell.display {
                let value = try code(frame)
                if case .none = value {} else { display = value }
            }
            return CellOutcome(output: interp.output, error: nil, displayValue: display)
        } catch let error as PyError {
            return CellOutcome(output: interp.output, error: error)
        } catch let unavailable as ModelUnavailable {
            return CellOutcome(output: interp.output, error: nil, unavailable: unavailable)
        } catch {
            return CellOutcome(output: interp.output, error: PyError(.exception("RuntimeError"), "\(error)"))
        }
    }
}

/// Runs work on a thread with a 512 MiB stack (reserved, not committed) and waits for it.
enum LargeStack {
    static let size = 512 << 20

    private final class Job<T>: @unchecked Sendable {
        /// Dropped as soon as it has run: it is non-escaping for the caller, which waits for it.
        private var body: (() -> T)?
        var result: T?
        let done = DispatchSemaphore(value: 0)
        init(_ body: @escaping () -> T) { self.body = body }

        func run() {
            let work = body
            body = nil
            result = work?()
        }
    }

    static func run<T>(_ body: () -> T) -> T {
        withoutActuallyEscaping(body) { body in
            let job = Job(body)
            let thread = Thread {
                job.run()
                job.done.signal()
            }
            thread.stackSize = size
            thread.start()
            job.done.wait()
            guard let result = job.result else { preconditionFailure("the large-stack thread ended without a result") }
            return result
        }
    }
}
