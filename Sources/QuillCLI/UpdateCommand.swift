// quill update: rewrites the expected-output blocks of notebooks with fresh output, atomically.

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
            the second time.
            """)

    @OptionGroup var options: NotebookOptions

    func validate() throws {
        try options.rejectScripts("update")
    }

    func run() throws {
        let files = try NotebookFiles.expand(options.paths)
        let runner = Runner(hosts: try notebookHosts(download: options.download, cache: !options.noCache))
        var status: ExitCode = .success
        for path in files {
            let runOptions = RunOptions(timeout: options.timeout)
            guard let (notebook, result) = NotebookFiles.run(path, with: runner, options: runOptions) else {
                if status == .success { status = ExitStatus.failure }
                continue
            }
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
                try AtomicFile.write(updated, to: path)
                Report.out("updated \(path)")
            } catch {
                Report.error("\(error)")
                if status == .success { status = ExitStatus.failure }
            }
        }
        if status != .success { throw status }
    }
}
