// Temporary: module registries whose real versions are still being written (arrays, sentence-transformers,
// library modules). Removed as each lands.

enum LibraryModules { static func modules() -> [String: PyModule] { [:] } }
enum SentenceTransformersModules { static func modules() -> [String: PyModule] { [:] } }
