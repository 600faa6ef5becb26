// The builtins a cell sees before it defines anything: functions, type objects and exception classes, by name.
// The interpreter looks names up here after the cell's own globals.

enum Builtins {
    /// Shared by every session: everything in it is immutable (functions, types), so sharing is safe.
    nonisolated(unsafe) static let table: [String: Value] = {
        var table: [String: Value] = [:]
        for part in [BuiltinsCore.functions(), BuiltinsIteration.functions(), BuiltinsNumeric.functions(),
                     BuiltinsText.functions(), Exceptions.classes(), FileFunctions.functions()] {
            table.merge(part) { first, _ in first }
        }
        for type in BuiltinTypes.all { table[type.name] = .object(type) }
        return table
    }()
}
