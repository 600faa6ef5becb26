// What built-in functions and objects may ask of the running interpreter. The interpreter implements it; tests of
// a library piece can use a small stand-in.

import Foundation

public protocol Context: AnyObject {
    /// Calls any Python callable (a `def`, a lambda, a builtin, a bound method): `key=` functions, `map`, ...
    func call(_ callable: Value, _ arguments: Arguments) throws -> Value
    /// `repr(x)` and `str(x)`, exactly as CPython prints them.
    func repr(_ value: Value) throws -> String
    func str(_ value: Value) throws -> String
    /// `format(x, spec)`.
    func format(_ value: Value, _ spec: String) throws -> String
    /// `bool(x)`.
    func truth(_ value: Value) throws -> Bool
    /// `a == b` and `a < b` with Python's rules (used by sort, min, max, `in`, `index`, `count`, `remove`).
    func equals(_ a: Value, _ b: Value) throws -> Bool
    func less(_ a: Value, _ b: Value) throws -> Bool
    /// `obj.name` and `obj[index]` (used by `str.format`'s `{0.name}` and `{0[key]}` fields).
    func attribute(_ value: Value, _ name: String) throws -> Value
    func item(_ value: Value, _ index: Value) throws -> Value
    /// The items of any iterable (`list(x)`): TypeError "'int' object is not iterable" otherwise.
    func iterate(_ value: Value) throws -> [Value]
    /// Appends to the cell's printed output (stdout). Throws when the output limit is reached.
    func write(_ text: String) throws
    /// Throws the timeout error when the cell's time is up; long built-in loops call it now and then.
    func checkDeadline() throws
    /// Throws MemoryError when a container of `count` elements (or a string of that many bytes) would pass the
    /// session's memory bound. Call before building anything whose size the program chooses.
    func reserve(_ count: Int) throws
    /// Models, data files and limits of this session.
    var host: any ModelHost { get }
    /// The folder data files are read from (`open`, `json.load`, `csv.reader`); nil: no file may be read.
    var dataDirectory: URL? { get }
    /// Records a file the program asked to read (inside the data folder; whether it exists or not), so that
    /// `quill watch` can re-render when it is saved, even when its path was computed at run time.
    func noteFileRead(_ path: String)
}
