// Shared by run, check and update: finding notebooks, reading them under the size cap, choosing the engine,
// printing diagnostics, and exit codes (0 ok; 1 a mismatch, a missing model without --allow-missing-models, or a file
// error; 64 usage; 65 a failing cell or notebook diagnostics).

import ArgumentParser
import Foundation
import QuillHub
import QuillNotebook
import QuillPython

/// The models a notebook's cells use: Quill's own (ModelsHost.swift), or with QUILL_ENGINE=hash the deterministic
/// hash engine (tests, trying the language without models). One set of loaded models serves every notebook, behind
/// the on-disk cache unless `cache` is false (--no-cache).
func notebookHosts(download: Bool = false, cache: Bool = true) throws -> @Sendable (URL) -> any ModelHost {
    if ProcessInfo.processInfo.environment["QUILL_ENGINE"] == "hash" {
        let hash = HashEngine()
        return { _ in hash }
    }
    let onDisk = try cache ? EmbeddingCache.fromEnvironment() : nil
    let models = LoadedModels(resolver: ModelResolver(progress: true, allowDownload: download ? true : nil), cache: onDisk)
    return { ModelsHost(models: models, directory: $0) }
}

struct NotebookOptions: ParsableArguments {
    @Argument(help: "Notebook files or folders (folders: every .md file inside, recursively); run also takes .py files.")
    var paths: [String]

    @Option(help: "Seconds each cell may run (checked between statements); overrides '#| timeout'.")
    var timeout: Double?

    @Flag(name: .customLong("allow-missing-models"),
          help: "Report a notebook whose model cannot be had as not run instead of failing (exit 1) on it.")
    var allowMissingModels = false

    @Flag(help: "Download models that are not found locally (as QUILL_ALLOW_DOWNLOAD=1); at most QUILL_MAX_DOWNLOAD_SIZE (default 5G) each.")
    var download = false

    @Flag(name: .customLong("no-cache"), help: "Compute every embedding and score; neither read nor write the cache.")
    var noCache = false

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
    }
}

extension NotebookOptions {
    /// check and update work on expected-output blocks, which a .py file has none of.
    func rejectScripts(_ command: String) throws {
        if let script = paths.first(where: ScriptRun.isScript) {
            throw ValidationError("\(script): quill \(command) works on notebooks; run a Python file with quill run")
        }
    }
}

enum NotebookFiles {
    /// Expands folders into their .md files (sorted; hidden folders and `skip` left out).
    static func expand(_ paths: [String], skip: String? = nil) throws -> [String] {
        var result: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A file error (exit 1), not a usage error: the command line itself was well formed.
                throw CLIError(description: "no such file or folder: \(path)", code: 1)
            }
            guard isDirectory.boolValue else { result.append(path); continue }
            let skipPath = skip.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            var found: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    let full = (path as NSString).appendingPathComponent(relative)
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") || URL(fileURLWithPath: full).standardizedFileURL.path == skipPath {
                        walker.skipDescendants()
                        continue
                    }
                    if relative.hasSuffix(".md") { found.append(full) }
                }
            }
            result += found.sorted()
        }
        return result
    }

    /// Reads a notebook, refusing oversized files before reading them.
    static func load(_ path: String) throws -> Notebook {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > Notebook.byteLimit {
            return Notebook(path: path, bytes: [UInt8](repeating: 0x20, count: Notebook.byteLimit + 1))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookIOError(message: "cannot read \(path)")
        }
        return Notebook(path: path, bytes: [UInt8](data))
    }

    /// Loads and runs the notebook at `path`; nil when the file cannot be read (the error is already printed).
    static func run(_ path: String, with runner: Runner, options: RunOptions) -> (notebook: Notebook, result: NotebookRun)? {
        let notebook: Notebook
        do { notebook = try load(path) } catch {
            Report.error("\(error)")
            return nil
        }
        return (notebook, runner.run(notebook, directory: directory(of: path), options: options))
    }

    static func directory(of path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent()
    }
}

struct NotebookIOError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

enum Report {
    static func error(_ text: String) {
        Console.report(text + "\n", toStandardError: true)
    }

    static func out(_ text: String) {
        Console.report(text + "\n", toStandardError: false)
    }

    static func diagnostics(_ run: NotebookRun) {
        for d in run.diagnostics { error(d.description) }
    }

    static func unavailable(_ run: NotebookRun) {
        if let u = run.unavailable { error("\(run.notebook.path): notebook not run: \(u)") }
    }
}

enum ExitStatus {
    static let diagnostics = ExitCode(65)
    static let failure = ExitCode(1)
}
