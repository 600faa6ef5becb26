// Reading the small JSON config files of a model folder (config.json, modules.json, ...), with the file name in
// every error.
import Foundation
import QuillJSON

/// A parsed JSON config file that remembers its path for error messages.
struct ConfigFile {
    let path: String
    let root: JSONValue

    /// Reads and parses `url`; nil when the file does not exist.
    static func readIfPresent(_ url: URL) throws(LoadError) -> ConfigFile? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try read(url)
    }

    static func read(_ url: URL) throws(LoadError) -> ConfigFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            if !FileManager.default.fileExists(atPath: url.path) { throw .missingFile(url.path) }
            throw .unreadable(file: url.path, reason: "\(error.localizedDescription)")
        }
        guard data.count <= 64 << 20 else { throw .invalidConfig(file: url.path, reason: "larger than 64 MiB") }
        do {
            return ConfigFile(path: url.path, root: try JSONParser.parse(data))
        } catch {
            throw .invalidConfig(file: url.path, reason: "invalid JSON at \(error)")
        }
    }

    var object: JSONObject? { root.objectValue }

    func int(_ key: String) throws(LoadError) -> Int? {
        guard let v = root[key], !v.isNull else { return nil }
        guard let i = v.intValue else { throw .invalidConfig(file: path, reason: "'\(key)' must be an integer, not \(v.kindName)") }
        return i
    }

    func requiredInt(_ key: String) throws(LoadError) -> Int {
        guard let i = try int(key) else { throw .invalidConfig(file: path, reason: "'\(key)' is missing") }
        return i
    }

    func double(_ key: String) throws(LoadError) -> Double? {
        guard let v = root[key], !v.isNull else { return nil }
        guard let d = v.doubleValue else { throw .invalidConfig(file: path, reason: "'\(key)' must be a number, not \(v.kindName)") }
        return d
    }

    func string(_ key: String) throws(LoadError) -> String? {
        guard let v = root[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw .invalidConfig(file: path, reason: "'\(key)' must be a string, not \(v.kindName)") }
        return s
    }

    func bool(_ key: String) throws(LoadError) -> Bool? {
        guard let v = root[key], !v.isNull else { return nil }
        guard let b = v.boolValue else { throw .invalidConfig(file: path, reason: "'\(key)' must be true or false, not \(v.kindName)") }
        return b
    }
}
