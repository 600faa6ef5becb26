// quill watch: renders notebooks as `run` does, then again each time one of them, or a data file its cells read
// with open("..."), is saved. It polls (stat: modification time and size) every 0.3 s, sleeping in between; a cell
// error or a missing model is printed and watching goes on; Ctrl-C ends it quietly with status 130.

import ArgumentParser
import Foundation
import QuillNotebook
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set while an output file is being replaced: Ctrl-C then waits for the rename, so that no temp file is left.
private let writingOutput = Atomic<Bool>(false)
private let interrupted = Atomic<Bool>(false)

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Render notebooks (as run does), and again whenever one of them or a data file it reads is saved.",
        discussion: """
            Data files are those a cell opens with open("PATH") with a literal path, relative to the notebook's \
            folder. Errors are printed and watching continues. Ctrl-C stops it (exit status 130).
            """)

    @OptionGroup var options: NotebookOptions
    @OptionGroup var output: OutputFormatOptions

    @Option(name: .customLong("output-dir"), help: "Folder for the rendered notebooks.")
    var outputDirectory = "Output"

    /// Seconds between two looks at the files.
    static let interval = 0.3

    func run() throws {
        try options.rejectScripts("watch")
        let formats = try output.formats()
        _ = try NotebookFiles.expand(options.paths, skip: outputDirectory)  // a missing path fails now (exit 1)
        // A parent may have blocked SIGINT for its children (Foundation's Process does): unblock it, then catch it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        _ = pthread_sigmask(SIG_UNBLOCK, &set, nil)
        _ = signal(SIGINT) { _ in
            if !writingOutput.load(ordering: .sequentiallyConsistent) { _exit(130) }
            interrupted.store(true, ordering: .sequentiallyConsistent)
        }
        let runner = try notebookRunner(download: options.download, cache: !options.noCache)
        var seen: [String: [FileStamp?]] = [:]   // notebook -> stamps of it and its data files when last rendered
        var dataFiles = DataFiles()
        var readAtRun: [String: [String]] = [:]   // notebook -> the files its cells asked to read when last run
        Report.out("watching \(options.paths.joined(separator: " ")) (Ctrl-C to stop)")
        while true {
            let files = (try? NotebookFiles.expand(options.paths, skip: outputDirectory)) ?? []
            for path in files {
                let stamp = FileStamp(path: path)
                let watched = DataFiles.union(dataFiles.read(by: path, stamp: stamp), readAtRun[path] ?? [])
                let stamps = [stamp] + watched.map(FileStamp.init(path:))
                guard seen[path] != stamps else { continue }
                seen[path] = stamps
                guard let read = render(path, runner: runner, formats: formats) else { continue }
                // Files first read in this run (a path computed at run time) are watched from now on, as they are now.
                let added = read.filter { !watched.contains($0) }
                readAtRun[path] = read
                seen[path] = stamps + added.map(FileStamp.init(path:))
            }
            if interrupted.load(ordering: .sequentiallyConsistent) { _exit(130) }
            usleep(UInt32(Self.interval * 1_000_000))
        }
    }

    /// One rendering, as `run` does it; problems are printed and the watch goes on. Returns the data files the
    /// cells asked to read (nil when the notebook could not be read).
    func render(_ path: String, runner: Runner, formats: [OutputFormat]) -> [String]? {
        let runOptions = RunOptions(timeout: options.timeout)
        guard let (notebook, result) = NotebookFiles.run(path, with: runner, options: runOptions) else { return nil }
        Report.diagnostics(result)
        Report.unavailable(result)
        guard !notebook.hasErrors, result.unavailable == nil else { return result.filesRead }
        writingOutput.store(true, ordering: .sequentiallyConsistent)
        _ = OutputWriter.write(result, formats: formats, unsafeHTML: output.unsafeHTML, into: outputDirectory)
        writingOutput.store(false, ordering: .sequentiallyConsistent)
        if interrupted.load(ordering: .sequentiallyConsistent) { _exit(130) }
        return result.filesRead
    }
}
