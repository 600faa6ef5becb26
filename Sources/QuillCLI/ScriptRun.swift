// `quill run FILE.py`: a Python file runs as a single cell, so that a documentation example runs as published.
// What it prints goes to stdout (no Output/ file); an error goes to stderr as FILE:LINE:COL. Data files are read
// relative to the file's folder, and model paths resolve from there too.

import Foundation
import QuillNotebook

enum ScriptRun {
    static func isScript(_ path: String) -> Bool { path.hasSuffix(".py") }

    /// Runs the file; the exit status: 0 when it ran, 65 when it failed (or could not be read as UTF-8 text),
    /// 1 when the file could not be read or a model it loads cannot be had (the file did not run).
    static func run(_ path: String, with runner: Runner, options: RunOptions) -> Int32 {
        let script: Notebook
        do { script = try load(path) } catch {
            Report.error("\(error)")
            return ExitStatus.failure.rawValue
        }
        let result = runner.run(script, directory: NotebookFiles.directory(of: path), options: options)
        for cell in result.results { Console.report(cell.output, toStandardError: false) }
        Report.diagnostics(result)
        if let unavailable = result.unavailable {
            Report.error("\(path): not run: \(unavailable)")
            return ExitStatus.failure.rawValue
        }
        return result.hasErrors ? ExitStatus.diagnostics.rawValue : 0
    }

    /// Reads the file under the notebook size cap (an oversized file is refused before it is read).
    static func load(_ path: String) throws -> Notebook {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > Notebook.byteLimit {
            return Notebook(script: path, bytes: [UInt8](repeating: 0x20, count: Notebook.byteLimit + 1))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookIOError(message: "cannot read \(path)")
        }
        return Notebook(script: path, bytes: [UInt8](data))
    }
}
