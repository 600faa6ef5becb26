// Writes a run's Markdown output: OUTPUT/NAME.md and its figures OUTPUT/NAME_files/fig-LINE-N.svg. Every file is
// written atomically (AtomicFile); figure files of an earlier render that this one no longer has are removed, and
// so is NAME_files when it ends up empty. Files other than fig-*.svg in NAME_files are left alone.

import Foundation

public enum MarkdownOutput {
    /// Writes `run` to `target` (".../NAME.md") and its figures to ".../NAME_files/". Returns the paths written.
    @discardableResult
    public static func write(_ run: NotebookRun, to target: String) throws -> [String] {
        let directory = (target as NSString).deletingLastPathComponent
        let folderName = FigureFile.folder(forOutput: (target as NSString).lastPathComponent)
        let folder = directory.isEmpty ? folderName : (directory as NSString).appendingPathComponent(folderName)
        let figures = run.results.flatMap(\.figureFiles)
        var written: [String] = []
        let manager = FileManager.default
        if !figures.isEmpty {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        for (name, figure) in figures {
            let path = (folder as NSString).appendingPathComponent(name)
            try AtomicFile.write(Array(FigureSVG.render(figure).utf8), to: path)
            written.append(path)
        }
        try removeStale(in: folder, keeping: Set(figures.map(\.name)))
        try AtomicFile.write(Renderer.renderRun(run, folder: folderName), to: target)
        written.append(target)
        return written
    }

    /// Removes the fig-*.svg files of `folder` not in `keeping`, then the folder if it is empty.
    static func removeStale(in folder: String, keeping: Set<String>) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let names = try manager.contentsOfDirectory(atPath: folder)
        for name in names.sorted() where isFigureFile(name) && !keeping.contains(name) {
            try manager.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
        if try manager.contentsOfDirectory(atPath: folder).isEmpty { try manager.removeItem(atPath: folder) }
    }

    /// "fig-LINE-N.svg" as FigureFile names them.
    static func isFigureFile(_ name: String) -> Bool {
        guard name.hasPrefix("fig-"), name.hasSuffix(".svg") else { return false }
        let parts = name.dropFirst(4).dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
