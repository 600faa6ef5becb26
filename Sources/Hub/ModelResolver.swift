// Finding a model as sentence-transformers does: a folder path as it is; else a hub id (a bare name means
// `sentence-transformers/NAME`, see RepoName.swift) looked up in the project-local model folders, then in the
// hub-layout caches (SENTENCE_TRANSFORMERS_HOME, HF_HUB_CACHE, HF_HOME/hub, ~/.cache/huggingface/hub), and only
// then downloaded, unless HF_HUB_OFFLINE is set. docs/models.md is the user-facing description.

import Foundation

/// A model `quill models` can show.
public struct ModelListing: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable {
        /// A plain folder in a project-local models folder.
        case local
        /// A snapshot in a hub-layout cache.
        case cache
    }
    /// Hub id (`org/name`) for cache entries, folder-relative name for local folders.
    public var name: String
    public var path: URL
    public var source: Source
    /// Commit of a cache snapshot, with the refs (`main`, ...) that point to it, e.g. "main (a1b2c3d)".
    public var revision: String?
    /// Bytes of the files, following snapshot symlinks.
    public var size: Int64
    /// Config and safetensors weights present.
    public var complete: Bool
}

/// Resolves model references to folders, downloading into the shared Hugging Face cache when allowed.
public struct ModelResolver: Sendable {
    let settings: HubSettings
    let progress: Bool
    let currentDirectory: URL

    /// - Parameters:
    ///   - environment: read for HF_* variables, SENTENCE_TRANSFORMERS_HOME and QUILL_MODEL_PATH.
    ///   - searchPaths: project-local models folders searched first; `./models` and QUILL_MODEL_PATH follow.
    ///   - progress: show download progress for large files when stderr is a terminal.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, searchPaths: [URL] = [],
                progress: Bool = false) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        self.currentDirectory = cwd
        self.settings = HubSettings(environment: environment, searchPaths: searchPaths, currentDirectory: cwd)
        self.progress = progress
    }

    /// The cache downloads go to (SENTENCE_TRANSFORMERS_HOME if set, else the Hugging Face hub cache).
    public var downloadCache: URL { settings.caches[0] }
    /// Whether HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE) forbids network calls.
    public var isOffline: Bool { settings.offline }

    /// Folder containing the model's files (a local folder, or a snapshot folder in the cache), downloading if
    /// needed and allowed. Synchronous, callable from any thread.
    /// - Parameters:
    ///   - reference: a folder path, `org/name`, or a bare name (`all-MiniLM-L6-v2` = `sentence-transformers/...`).
    ///   - revision: branch, tag or commit; nil means `main`, and then plain local folders are accepted too.
    ///   - base: folder that relative paths are taken from (a notebook's folder); default the current directory.
    /// - Throws: `HubError.notFound`, `.offline`, `.pickleOnly`, `.unsafeName`, `.download`, `.checksum`, `.io`.
    public func resolve(_ reference: String, revision: String? = nil, relativeTo base: URL? = nil) throws(HubError) -> URL {
        let reference = reference.trimmingCharacters(in: .whitespaces)
        guard !reference.isEmpty else { throw .notFound(model: reference, searched: [], hint: "empty model name") }
        if let folder = try localPath(reference, base: base) { return folder }
        let repo = try RepoID(reference: reference)
        let rev = revision ?? "main"
        try SafeName.checkRevision(rev)

        var searched: [String] = []
        var pickleOnly: [String]?
        for candidate in localCandidates(repo, reference: reference, revision: revision) {
            searched.append(candidate.path)
            guard ModelFiles.looksLikeModel(candidate) else { continue }
            if case let .pickleOnly(files) = ModelFiles.weights(in: candidate) { pickleOnly = files; continue }
            return candidate
        }
        for root in settings.caches {
            let cache = HubCache(root: root)
            searched.append(cache.repoFolder(repo).path)
            guard let commit = cache.commit(repo, revision: rev) else { continue }
            let snapshot = cache.snapshot(repo, commit: commit)
            if ModelFiles.isComplete(snapshot) { return snapshot }
            if case let .pickleOnly(files) = ModelFiles.weights(in: snapshot) { pickleOnly = files }
        }
        if settings.offline {
            if let pickleOnly { throw .pickleOnly(model: repo.value, files: pickleOnly) }
            throw .offline(model: repo.value, searched: searched)
        }
        return try download(repo, revision: rev)
    }

    /// The local folders and cache folders that `resolve` looks in for `reference`, in order (for messages).
    public func searchLocations(for reference: String, revision: String? = nil) -> [String] {
        guard let repo = try? RepoID(reference: reference.trimmingCharacters(in: .whitespaces)) else { return [] }
        return localCandidates(repo, reference: reference, revision: revision).map(\.path)
            + settings.caches.map { HubCache(root: $0).repoFolder(repo).path }
    }

    /// Downloads (or completes) a model from the hub into the download cache, even when a copy exists elsewhere;
    /// files already in the cache with the right size are not fetched again. For `quill fetch`.
    /// - Throws: `.offline` when HF_HUB_OFFLINE is set, and the download errors of `resolve`.
    public func fetch(_ reference: String, revision: String? = nil) throws(HubError) -> URL {
        let repo = try RepoID(reference: reference.trimmingCharacters(in: .whitespaces))
        let rev = revision ?? "main"
        try SafeName.checkRevision(rev)
        if settings.offline { throw .offline(model: repo.value, searched: []) }
        return try download(repo, revision: rev)
    }

    // MARK: - Local folders

    /// A reference that names an existing folder, or looks like a path and must be one.
    private func localPath(_ reference: String, base: URL?) throws(HubError) -> URL? {
        let home = settings.home
        var url: URL
        if reference == "~" || reference.hasPrefix("~/") {
            url = reference == "~" ? home : home.appendingPathComponent(String(reference.dropFirst(2)))
        } else {
            url = URL(fileURLWithPath: reference, relativeTo: base ?? currentDirectory)
        }
        url = url.standardizedFileURL
        if FileSystem.isDirectory(url) { return url }
        let pathLike = reference.hasPrefix("/") || reference.hasPrefix("./") || reference.hasPrefix("../")
            || reference.hasPrefix("~") || reference == "." || reference == ".."
            || reference.contains("\\") || reference.split(separator: "/", omittingEmptySubsequences: false).count > 2
        if pathLike {
            throw .notFound(model: reference, searched: [url.path], hint: "no such folder (and not a hub id 'org/name')")
        }
        return nil
    }

    /// Project-local candidates: `NAME`, `ORG/NAME` and a hub-layout `models--ORG--NAME` in each models folder.
    private func localCandidates(_ repo: RepoID, reference: String, revision: String?) -> [URL] {
        var result: [URL] = []
        for folder in settings.localFolders {
            if revision == nil {
                if repo.organization == nil || repo.organization == RepoID.defaultOrganization {
                    result.append(folder.appendingPathComponent(repo.name, isDirectory: true))
                }
                if repo.organization != nil { result.append(folder.appendingPathComponent(repo.value, isDirectory: true)) }
            }
            let cache = HubCache(root: folder)
            if let commit = cache.commit(repo, revision: revision ?? "main") {
                result.append(cache.snapshot(repo, commit: commit))
            }
        }
        return result
    }

    // MARK: - Download

    private func download(_ repo: RepoID, revision: String) throws(HubError) -> URL {
        let cache = HubCache(root: downloadCache)
        let loader = Downloader(settings: settings, cache: cache, progress: progress)

        // The first file pins the commit; everything else is fetched at that commit, so one snapshot is coherent.
        var modules: [ModuleEntry]? = nil
        var pinned: FileMetadata
        if let meta = try loader.metadata(repo, revision: revision, file: "modules.json") {
            pinned = meta
            try loader.download(repo, file: "modules.json", meta: meta)
            let file = cache.snapshot(repo, commit: meta.commit).appendingPathComponent("modules.json")
            guard let data = try? Data(contentsOf: file) else {
                throw .io(path: file.path, reason: "cannot read the downloaded modules.json")
            }
            modules = try ModelFiles.modules(from: data, file: "\(repo.value)/modules.json")
        } else if let meta = try loader.metadata(repo, revision: revision, file: "config.json") {
            pinned = meta
        } else {
            throw .notFound(model: repo.value, searched: [loader.resolveURL(repo, revision: revision, file: "config.json")?.absoluteString ?? repo.value],
                            hint: "the repository has neither modules.json nor config.json; is it a transformers model?")
        }
        let commit = pinned.commit
        let transformerPrefix = modules?.first(where: { $0.isTransformer })?.path ?? ""

        func fetch(_ file: String, required: Bool = false) throws(HubError) -> Bool {
            guard let meta = try loader.metadata(repo, revision: commit, file: file) else {
                if required {
                    throw .notFound(model: repo.value, searched: [file], hint: "the repository has no \(file) at commit \(commit)")
                }
                return false
            }
            try loader.download(repo, file: file, meta: meta)
            return true
        }

        /// Safetensors weights in `prefix`, single file or sharded; pickle-only is refused, nothing else fetched.
        func fetchWeights(_ prefix: String, required: Bool) throws(HubError) {
            if try fetch(ModelFiles.join(prefix, "model.safetensors")) { return }
            let indexName = ModelFiles.join(prefix, "model.safetensors.index.json")
            if try fetch(indexName) {
                let url = cache.snapshot(repo, commit: commit).appendingPathComponent(indexName)
                guard let data = try? Data(contentsOf: url) else { throw .io(path: url.path, reason: "cannot read") }
                for shard in try ModelFiles.shards(from: data, file: "\(repo.value)/\(indexName)") {
                    _ = try fetch(ModelFiles.join(prefix, shard), required: true)
                }
                return
            }
            var pickles: [String] = []
            for name in ModelFiles.pickleFiles {
                let file = ModelFiles.join(prefix, name)
                if try loader.metadata(repo, revision: commit, file: file) != nil { pickles.append(file) }
            }
            if !pickles.isEmpty { throw .pickleOnly(model: repo.value, files: pickles) }
            if required {
                throw .notFound(model: repo.value, searched: [ModelFiles.join(prefix, "model.safetensors")],
                                hint: "the repository has no model.safetensors at commit \(commit)")
            }
        }

        // Weights first: a pickle-only repository is refused before anything else is written.
        try fetchWeights(transformerPrefix, required: true)
        _ = try fetch(ModelFiles.join(transformerPrefix, "config.json"), required: true)
        for file in ModelFiles.transformerFiles { _ = try fetch(ModelFiles.join(transformerPrefix, file)) }
        if !transformerPrefix.isEmpty {
            _ = try fetch("sentence_bert_config.json")
        }
        for file in ModelFiles.rootFiles { _ = try fetch(file) }
        for module in modules ?? [] where !module.isTransformer && !module.path.isEmpty {
            _ = try fetch(ModelFiles.join(module.path, "config.json"))
            if !module.isWeightless { try fetchWeights(module.path, required: false) }
        }
        // The ref is written last: until every file is in place, `main` does not point at a partial snapshot.
        try cache.writeRef(repo, revision: revision, commit: commit)
        return cache.snapshot(repo, commit: commit)
    }
}
