// Finding a model as sentence-transformers does: a folder path as it is; else a hub id (a bare name means
// `sentence-transformers/NAME`, see RepoName.swift) looked up in the project-local model folders (the `models`
// folder beside the notebook or in a folder above it, nearest first; ./models; QUILL_MODEL_PATH), then in the
// hub-layout caches (SENTENCE_TRANSFORMERS_HOME, HF_HUB_CACHE, HF_HOME/hub, ~/.cache/huggingface/hub), and only
// then downloaded, when that was asked for (QUILL_ALLOW_DOWNLOAD=1 or `allowDownload:`; `fetch` always may) and
// HF_HUB_OFFLINE is not set. docs/models.md is the user-facing description.

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

/// Resolves model references to folders, downloading into the shared Hugging Face cache when asked to.
public struct ModelResolver: Sendable {
    let settings: HubSettings
    let progress: Bool
    let currentDirectory: URL

    /// - Parameters:
    ///   - environment: read for HF_* variables, SENTENCE_TRANSFORMERS_HOME, QUILL_MODEL_PATH,
    ///     QUILL_ALLOW_DOWNLOAD and QUILL_MAX_DOWNLOAD_SIZE.
    ///   - searchPaths: project-local models folders searched first; `./models` and QUILL_MODEL_PATH follow.
    ///   - progress: show download progress for large files when stderr is a terminal.
    ///   - allowDownload: whether `resolve` may download a model it does not find locally (a `--download` flag);
    ///     nil leaves it to QUILL_ALLOW_DOWNLOAD, which is off by default. `fetch` downloads regardless.
    ///   - maxDownloadSize: bytes one model's download may write (`--max-download-size`); nil leaves it to
    ///     QUILL_MAX_DOWNLOAD_SIZE, default 5 GB (`ByteSize.parse` reads the option's text).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, searchPaths: [URL] = [],
                progress: Bool = false, allowDownload: Bool? = nil, maxDownloadSize: Int64? = nil) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        self.currentDirectory = cwd
        var settings = HubSettings(environment: environment, searchPaths: searchPaths, currentDirectory: cwd)
        if let allowDownload { settings.allowDownload = allowDownload }
        if let maxDownloadSize {
            settings.maxDownloadSize = max(1, maxDownloadSize)
            settings.invalidSetting = nil
        }
        self.settings = settings
        self.progress = progress
    }

    /// The cache downloads go to (SENTENCE_TRANSFORMERS_HOME if set, else the Hugging Face hub cache).
    public var downloadCache: URL { settings.caches[0] }
    /// Whether HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE) forbids network calls.
    public var isOffline: Bool { settings.offline }
    /// Whether `resolve` may download a model it does not find locally.
    public var allowsDownload: Bool { settings.allowDownload }
    /// Bytes one model's download may write.
    public var maxDownloadSize: Int64 { settings.maxDownloadSize }

    /// Folder containing the model's files (a local folder, or a snapshot folder in the cache), downloading if
    /// needed and allowed (`allowsDownload`, not offline). Synchronous, callable from any thread.
    /// - Parameters:
    ///   - reference: a folder path, `org/name`, or a bare name (`all-MiniLM-L6-v2` = `sentence-transformers/...`).
    ///   - revision: branch, tag or commit; nil means `main`, and then plain local folders are accepted too.
    ///   - base: folder that relative paths are taken from (a notebook's folder); default the current directory.
    /// - Throws: `HubError.notFound`, `.offline`, `.downloadNotAllowed`, `.pickleOnly`, `.unsafeName`, `.download`,
    ///   `.tooLarge`, `.checksum`, `.io`, `.invalidMetadata`, `.invalidSetting`.
    public func resolve(_ reference: String, revision: String? = nil, relativeTo base: URL? = nil) throws(HubError) -> URL {
        let reference = reference.trimmingCharacters(in: .whitespaces)
        guard !reference.isEmpty else { throw .notFound(model: reference, searched: [], hint: "empty model name") }
        if let folder = try localPath(reference, base: base) { return folder }
        let repo = try RepoID(reference: reference)
        let rev = revision ?? "main"
        try SafeName.checkRevision(rev)

        var searched: [String] = []
        var pickleOnly: [String]?
        for candidate in localCandidates(repo, reference: reference, revision: revision, base: base) {
            searched.append(candidate.path)
            guard ModelFiles.looksLikeModel(candidate) else { continue }
            if case let .pickleOnly(files) = ModelFiles.weights(in: candidate) { pickleOnly = files; continue }
            return candidate
        }
        for root in settings.caches {
            let cache = HubCache(root: root)
            searched.append(cache.repoFolder(repo).path)
            if FileSystem.isDirectory(cache.repoFolder(repo)) { CacheJanitor.sweep(cache, repo: repo) }
            guard let commit = cache.commit(repo, revision: rev) else { continue }
            let snapshot = cache.snapshot(repo, commit: commit)
            if ModelFiles.isComplete(snapshot) { return snapshot }
            if case let .pickleOnly(files) = ModelFiles.weights(in: snapshot) { pickleOnly = files }
        }
        if settings.offline {
            if let pickleOnly { throw .pickleOnly(model: repo.value, files: pickleOnly) }
            throw .offline(model: repo.value, searched: searched)
        }
        guard settings.allowDownload else {
            if let pickleOnly { throw .pickleOnly(model: repo.value, files: pickleOnly) }
            throw .downloadNotAllowed(model: repo.value, searched: searched)
        }
        return try download(repo, revision: rev)
    }

    /// The local folders and cache folders that `resolve` looks in for `reference`, in order (for messages).
    public func searchLocations(for reference: String, revision: String? = nil, relativeTo base: URL? = nil) -> [String] {
        guard let repo = try? RepoID(reference: reference.trimmingCharacters(in: .whitespaces)) else { return [] }
        return localCandidates(repo, reference: reference, revision: revision, base: base).map(\.path)
            + settings.caches.map { HubCache(root: $0).repoFolder(repo).path }
    }

    /// Downloads (or completes) a model from the hub into the download cache, even when a copy exists elsewhere;
    /// files already in the cache with the right size are not fetched again. For `quill fetch`, which is consent
    /// in itself: `allowsDownload` does not apply, the size limit does.
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

    /// The project-local models folders for a notebook in `base`: `models` beside it or in a folder above it
    /// (those that exist, nearest first), then the settings' own (search paths, ./models, QUILL_MODEL_PATH). So a
    /// notebook finds its project's models from whatever folder it is run.
    public func modelFolders(relativeTo base: URL? = nil) -> [URL] {
        var folders: [URL] = []
        var seen = Set<String>()
        var folder = base?.standardizedFileURL
        while let current = folder {
            let models = current.appendingPathComponent("models", isDirectory: true)
            if FileSystem.isDirectory(models), seen.insert(models.path).inserted { folders.append(models) }
            let parent = current.deletingLastPathComponent().standardizedFileURL
            folder = current.path == "/" || parent.path == current.path ? nil : parent
        }
        for local in settings.localFolders where seen.insert(local.path).inserted { folders.append(local) }
        return folders
    }

    /// Project-local candidates: `NAME`, `ORG/NAME` and a hub-layout `models--ORG--NAME` in each models folder.
    private func localCandidates(_ repo: RepoID, reference: String, revision: String?, base: URL?) -> [URL] {
        var result: [URL] = []
        for folder in modelFolders(relativeTo: base) {
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
        if let invalid = settings.invalidSetting { throw invalid }
        let cache = HubCache(root: downloadCache)
        let loader = Downloader(settings: settings, cache: cache, progress: progress)
        let budget = DownloadBudget(model: repo.value, limit: settings.maxDownloadSize)
        return try RepositoryDownload(repo: repo, revision: revision, cache: cache, loader: loader, budget: budget).run()
    }
}
