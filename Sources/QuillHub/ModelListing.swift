// `quill models`: every model the resolver can find without the network.

import Foundation

extension ModelResolver {
    /// Cached or local models, for `quill models`: plain folders in the project-local models folders, and every
    /// snapshot in those folders and the hub caches. Unreadable folders are skipped.
    public func listModels() -> [ModelListing] {
        var result: [ModelListing] = []
        var seen = Set<String>()
        func add(_ listing: ModelListing) {
            if seen.insert(listing.path.standardizedFileURL.path).inserted { result.append(listing) }
        }
        for folder in settings.localFolders {
            for child in Self.children(folder) {
                let name = child.lastPathComponent
                if name.hasPrefix("models--") { continue }
                if ModelFiles.looksLikeModel(child) {
                    add(Self.listing(name: name, path: child, source: .local, revision: nil))
                } else {
                    for grandchild in Self.children(child) where ModelFiles.looksLikeModel(grandchild) {
                        add(Self.listing(name: name + "/" + grandchild.lastPathComponent, path: grandchild,
                                         source: .local, revision: nil))
                    }
                }
            }
            for listing in Self.cacheListings(folder) { add(listing) }
        }
        for cache in settings.caches {
            for listing in Self.cacheListings(cache) { add(listing) }
        }
        return result
    }

    private static func cacheListings(_ root: URL) -> [ModelListing] {
        var result: [ModelListing] = []
        for repoFolder in children(root) where repoFolder.lastPathComponent.hasPrefix("models--") {
            let id = String(repoFolder.lastPathComponent.dropFirst("models--".count)).replacingOccurrences(of: "--", with: "/")
            var refsByCommit: [String: [String]] = [:]
            let refs = repoFolder.appendingPathComponent("refs", isDirectory: true)
            if let names = FileManager.default.subpaths(atPath: refs.path) {
                for name in names.sorted() {
                    guard let text = try? String(contentsOf: refs.appendingPathComponent(name), encoding: .utf8) else { continue }
                    refsByCommit[text.trimmingCharacters(in: .whitespacesAndNewlines), default: []].append(name)
                }
            }
            for snapshot in children(repoFolder.appendingPathComponent("snapshots", isDirectory: true))
            where ModelFiles.looksLikeModel(snapshot) {
                let commit = snapshot.lastPathComponent
                let names = refsByCommit[commit] ?? []
                let revision = names.isEmpty ? commit : "\(names.joined(separator: ", ")) (\(commit.prefix(7)))"
                result.append(listing(name: id, path: snapshot, source: .cache, revision: revision))
            }
        }
        return result
    }

    private static func listing(name: String, path: URL, source: ModelListing.Source, revision: String?) -> ModelListing {
        ModelListing(name: name, path: path, source: source, revision: revision, size: size(of: path),
                     complete: ModelFiles.isComplete(path))
    }

    private static func children(_ folder: URL) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }
            .map { folder.appendingPathComponent($0, isDirectory: true) }
            .filter { FileSystem.isDirectory($0) }
    }

    /// Total bytes below `folder`, following symlinks to blobs (bounded to 10k entries).
    private static func size(of folder: URL) -> Int64 {
        guard let paths = FileManager.default.subpaths(atPath: folder.path) else { return 0 }
        return paths.prefix(10_000).reduce(Int64(0)) { total, path in
            total + (FileSystem.fileSize(folder.appendingPathComponent(path)) ?? 0)
        }
    }
}
