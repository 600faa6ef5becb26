// quill run: executes notebooks and writes OUTPUT-DIR/NAME.md, each cell followed by its output; a .py file runs as
// one cell and prints to stdout (ScriptRun.swift).

import ArgumentParser
import Foundation
import QuillNotebook

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run notebooks and write them, with each cell's output, to Output/NAME.md (--to html: NAME.html); run .py files.",
        discussion: """
            The source notebooks are never modified. A FILE.py runs as a single cell and prints to stdout (no \
            Output/ file); its exit status is 65 when it fails and 1 when a model it loads cannot be had. Exit status: 0 when every cell ran, 65 when a cell or a \
            notebook has errors (the output file is still written, with the error in the failing cell), 1 when a \
            file could not be read or written or a notebook's model cannot be had (not in a local folder or the \
            cache, hub unreachable). With --allow-missing-models such a notebook is reported as not run and does \
            not fail the command; the others run either way. -p NAME=VALUE sets a parameter that each notebook \
            declares under 'params:' in its front matter (exit 64 for a name one of them does not declare); the \
            output records the values used there.
            """)

    @OptionGroup var options: NotebookOptions

    @OptionGroup var output: OutputFormatOptions

    @Option(name: .customLong("output-dir"), help: "Folder for the rendered notebooks.")
    var outputDirectory = "Output"

    @Flag(name: .customLong("keep-going"), help: "Run the cells after a failing cell instead of stopping.")
    var keepGoing = false

    func run() throws {
        let files = try NotebookFiles.expand(options.paths, skip: outputDirectory)
        let params = try options.parameterValues()
        try NotebookFiles.checkParameters(params, in: files)
        let formats = try output.formats()
        let runner = try notebookRunner(download: options.download, cache: !options.noCache)
        var status: ExitCode = .success
        var writtenFor: [String: String] = [:]   // output file -> the notebook it is written for
        for path in files {
            if ScriptRun.isScript(path) {
                let code = ScriptRun.run(path, with: runner, options: RunOptions(keepGoing: keepGoing, timeout: options.timeout))
                if code != 0, status == .success || code == ExitStatus.diagnostics.rawValue { status = ExitCode(code) }
                continue
            }
            let target = (outputDirectory as NSString).appendingPathComponent(OutputWriter.stem(path))
            // Two notebooks of the same name in different folders would write the same output file (and figure
            // folder NAME_files); the second would silently replace the first.
            if let first = writtenFor[target] {
                Report.error("\(path): not run: its output \(target).\(formats[0].rawValue) is that of \(first) too; rename one of them "
                             + "or run them with different --output-dir")
                if status == .success { status = ExitStatus.failure }
                continue
            }
            writtenFor[target] = path
            let runOptions = RunOptions(keepGoing: keepGoing, timeout: options.timeout, params: params)
            guard let (notebook, result) = NotebookFiles.run(path, with: runner, options: runOptions) else {
                if status == .success { status = ExitStatus.failure }
                continue
            }
            Report.diagnostics(result)
            Report.unavailable(result)
            if result.hasErrors { status = ExitStatus.diagnostics }
            if result.unavailable != nil, !options.allowMissingModels, status == .success { status = ExitStatus.failure }
            guard !notebook.hasErrors, result.unavailable == nil else { continue }
            if !OutputWriter.write(result, formats: formats, unsafeHTML: output.unsafeHTML, into: outputDirectory),
               status == .success { status = ExitStatus.failure }
        }
        if status != .success { throw status }
    }
}
