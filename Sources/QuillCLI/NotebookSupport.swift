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
/// the on-disk cache unless `cache` is false (--no-cache). `clock`: the runner's, so that long encodes stop at the
/// cell's deadline and show progress (ProgressBatches).
func notebookHosts(download: Bool = false, cache: Bool = true, clock: CellClock? = nil) throws
    -> @Sendable (URL) -> any ModelHost {
    if ProcessInfo.processInfo.environment["QUILL_ENGINE"] == "hash" {
        let hash = HashEngine()
        return { _ in hash }
    }
    let onDisk = try cache ? EmbeddingCache.fromEnvironment() : nil
    let models = LoadedModels(resolver: ModelResolver(progress: true, allowDownload: download ? true : nil), cache: onDisk)
    let batches = ProgressBatches(clock: clock, progress: ProgressLine.standardError())
    return { ModelsHost(models: models, directory: $0, batches: batches) }
}

/// The runner of run, check and update: Quill's models (behind the cache unless `cache` is false), their batches
/// timed by the runner's cell clock.
func notebookRunner(download: Bool, cache: Bool = true) throws -> Runner {
    let clock = CellClock()
    return Runner(hosts: try notebookHosts(download: download, cache: cache, clock: clock), clock: clock)
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

    @Option(name: [.customShort("p"), .customLong("param")],
            help: ArgumentHelp("(run) Set a parameter the notebook declares under 'params:' in its front matter; repeatable. "
                               + "VALUE reads as papermill reads -p: True, False, None, an int, a float, else a string.",
                               valueName: "NAME=VALUE"))
    var params: [String] = []

    @Flag(name: .customLong("no-cache"), help: "Compute every embedding and score; neither read nor write the cache.")
    var noCache = false

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
        _ = try parameterValues()
    }

    /// `-p NAME=VALUE` options by name (a later one wins, as papermill's).
    func parameterValues() throws -> [String: ParamValue] {
        var values: [String: ParamValue] = [:]
        for option in params {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                throw ValidationError("-p takes NAME=VALUE, got '\(option)'")
            }
            values[String(option[..<equals])] = ParamValue(reading: String(option[option.index(after: equals)...]))
        }
        return values
    }
}

extension NotebookOptions {
    /// check and update work on expected-output blocks, which a .py file has none of.
    func rejectScripts(_ command: String) throws {
        if let script = paths.first(where: ScriptRun.isScript) {
            throw ValidationError("\(script): quill \(command) works on notebooks; run a Python file with quill run")
        }
    }

    /// check and update compare with (or write) expected blocks, which hold the results of the defaults.
    func rejectParameters(_ command: String) throws {
        guard params.isEmpty else {
            throw ValidationError("quill \(command) takes no -p: the expected output blocks hold the results of the "
                                  + "parameters' defaults; use `quill run -p ...` to run with other values")
        }
    }
}

enum NotebookFiles {
    /// Folders a walk never enters: rendered notebooks, build products and model folders (hidden ones neither).
    static let skippedFolders: Set<String> = ["Output", "models"]

    /// Expands folders into their .md files (sorted; hidden folders, Output/, models/ and `skip` left out).
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
                    var isFolder: ObjCBool = false
                    let skipped = skippedFolders.contains(name) && fm.fileExists(atPath: full, isDirectory: &isFolder)
                        && isFolder.boolValue
                    if name.hasPrefix(".") || skipped
                        || URL(fileURLWithPath: full).standardizedFileURL.path == skipPath {
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

    /// Refuses (exit 64) a `-p` name that one of `files` does not declare, before any notebook runs.
    static func checkParameters(_ values: [String: ParamValue], in files: [String]) throws {
        guard !values.isEmpty else { return }
        let names = values.keys.sorted()
        for path in files {
            if ScriptRun.isScript(path) {
                throw CLIError(description: "-p \(names[0]): \(path) is a Python file; only notebooks take parameters",
                               code: 64)
            }
            guard let notebook = try? load(path) else { continue }   // reported when it runs
            if let name = notebook.undeclared(names).first {
                let declared = notebook.params.map(\.name)
                throw CLIError(description: "-p \(name): \(path) declares no parameter '\(name)' ("
                    + (declared.isEmpty ? "it declares none; add it under 'params:' in its front matter"
                                        : "it declares \(declared.joined(separator: ", "))") + ")", code: 64)
            }
        }
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
