// quill update: rewrites the expected-output blocks of notebooks with fresh output, atomically, under a lock on
// the notebook and only if it did not change on disk meanwhile (LockedNotebook.swift).

import ArgumentParser
import Foundation
import QuillNotebook

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Rewrite the expected output blocks of notebooks with fresh output.",
        discussion: """
            Only the `output` blocks change; every other byte stays. A notebook whose cells fail is left as it is \
            (exit 65); one whose model cannot be had fails the command (exit 1) unless --allow-missing-models is given, \
            and is left as it is either way. Cells with '#| check: false' keep an existing block. Running update twice changes nothing \
            the second time. Concurrent updates of one notebook take turns (a lock on the file), and a notebook edited \
            while update ran is not replaced (exit 1), so that the edit is kept.
            """)

    @OptionGroup var options: NotebookOptions

    func validate() throws {
        try options.rejectScripts("update")
        try options.rejectParameters("update")
    }

    func run() throws {
        let files = try NotebookFiles.expand(options.paths)
        let runner = try notebookRunner(download: options.download, cache: !options.noCache)
        var status: ExitCode = .success
        for path in files {
            let runOptions = RunOptions(timeout: options.timeout)
            // Locked from read to rename: a second update of this notebook waits, then reads this one's result.
            let lock: NotebookLock
            do {
                lock = try NotebookLock(path, limit: Notebook.byteLimit) {
                    Report.error("\(path): waiting for another quill update of it to finish")
                }
            } catch {
                Report.error("\(error)")
                if status == .success { status = ExitStatus.failure }
                continue
            }
            defer { lock.release() }
            let notebook = Notebook(path: path, bytes: lock.snapshot.bytes)
            let result = runner.run(notebook, directory: NotebookFiles.directory(of: path), options: runOptions)
            Report.diagnostics(result)
            Report.unavailable(result)
            if result.hasErrors {
                status = ExitStatus.diagnostics
                Report.error("\(path): not updated")
                continue
            }
            if result.unavailable != nil {
                if !options.allowMissingModels, status == .success { status = ExitStatus.failure }
                continue
            }
            let updated = Renderer.renderUpdate(result)
            if updated == notebook.bytes {
                Report.out("unchanged \(path)")
                continue
            }
            do {
                try AtomicFile.write(updated, to: path, unchangedSince: lock.snapshot)
                Report.out("updated \(path)")
            } catch {
                Report.error("\(error)")
                if status == .success { status = ExitStatus.failure }
            }
        }
        if status != .success { throw status }
    }
}
