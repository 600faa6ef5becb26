// The standard-library modules a cell may import: math, json and csv. Each session gets its own module objects.

enum LibraryModules {
    static func modules() -> [String: PyModule] {
        ["math": MathModule.module(), "json": JSONModule.module(), "csv": CSVModule.module()]
    }
}
