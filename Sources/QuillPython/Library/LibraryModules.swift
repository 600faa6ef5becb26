// The standard-library modules a cell may import: math, json, csv, time and collections. Each session gets its own module objects.

enum LibraryModules {
    static func modules() -> [String: PyModule] {
        ["math": MathModule.module(), "json": JSONModule.module(), "csv": CSVModule.module(),
         "time": TimeModule.module(), "collections": CollectionsModule.module()]
    }
}
