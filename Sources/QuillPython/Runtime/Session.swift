// A session runs cells one after another with shared names, as a Jupyter kernel does, and collects what each
// prints. CONTRACT STUB: the interpreter work replaces the body; the signatures are what the notebook runner uses.

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
