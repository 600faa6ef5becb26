// Downloads one repository file into a hub-layout cache, the way huggingface_hub's hf_hub_download does:
// a HEAD on the resolve URL for the metadata (commit, etag, size, where to fetch), then a GET of the blob into a
// unique temporary file beside the blobs, checks, rename into blobs/<etag>, snapshot symlink.
//
// Metadata headers (huggingface_hub file_download.py, get_hf_file_metadata): X-Repo-Commit is the commit;
// X-Linked-Etag (LFS files, on the 302 to the CDN) else ETag is the blob name after dropping a weak `W/` prefix and
// the quotes; X-Linked-Size else Content-Length is the size. `Accept-Encoding: identity` keeps the size honest.
// An LFS etag is the sha256 of the content, which is checked before the blob enters the cache (swift-transformers
// #313 is what happens otherwise).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

struct FileMetadata: Sendable {
    var commit: String
    var etag: String
    var size: Int64?
    /// Where to GET the bytes: the CDN location of a redirect, or the resolve URL itself.
    var location: URL
    var isLFS: Bool { SafeName.isSHA256(etag) }
}

struct Downloader: Sendable {
    let settings: HubSettings
    let cache: HubCache
    let progress: Bool

    func resolveURL(_ repo: RepoID, revision: String, file: String) -> URL? {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        guard let rev = revision.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        let path = file.split(separator: "/").map {
            String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0)
        }.joined(separator: "/")
        return URL(string: "\(settings.endpoint)/\(repo.value)/resolve/\(rev)/\(path)")
    }

    private func headers(for url: URL) -> [String: String] {
        var h = ["Accept-Encoding": "identity", "User-Agent": "quill-hub/1"]
        if let token = settings.token, url.host == URL(string: settings.endpoint)?.host {
            h["Authorization"] = "Bearer \(token)"
        }
        return h
    }

    /// HEAD of a repository file. Returns nil when the file does not exist in the repository (404 EntryNotFound).
    /// - Throws: `.notFound` for a missing or private repository or revision, `.download` for transport errors.
    func metadata(_ repo: RepoID, revision: String, file: String) throws(HubError) -> FileMetadata? {
        try SafeName.checkFile(file)
        guard var url = resolveURL(repo, revision: revision, file: file) else {
            throw .unsafeName(file, reason: "cannot form a URL")
        }
        let client = HTTPClient(timeout: settings.etagTimeout)
        var response = try client.head(url, headers: headers(for: url))
        // Follow relative redirects (a renamed repository); stop at an absolute one (LFS to the CDN).
        var hops = 0
        while (300...399).contains(response.status), let location = response.header("Location"),
            !location.contains("://"), hops < 5
        {
            guard let next = URL(string: location, relativeTo: url)?.absoluteURL else { break }
            url = next
            response = try client.head(url, headers: headers(for: url))
            hops += 1
        }
        let code = response.header("X-Error-Code")
        switch response.status {
        case 200...399: break
        case 404 where code == nil || code == "EntryNotFound": return nil
        case 401, 403, 404:
            let what = code == "RevisionNotFound" ? "revision '\(revision)'" : "repository"
            var hint = "no \(what) '\(repo.value)' at \(settings.endpoint)"
            if code == "GatedRepo" || response.status == 403 {
                hint = "the repository is gated or private; accept its terms on the hub and set HF_TOKEN"
            } else if settings.token == nil {
                hint += " (or it is private: set HF_TOKEN)"
            }
            throw .notFound(model: repo.value, searched: [url.absoluteString], hint: hint)
        default:
            throw .download(url: url.absoluteString, reason: "HTTP \(response.status) for HEAD")
        }
        guard let commit = response.header("X-Repo-Commit") else {
            throw .download(url: url.absoluteString, reason: "no X-Repo-Commit header; is HF_ENDPOINT a Hugging Face hub?")
        }
        guard let rawEtag = response.header("X-Linked-Etag") ?? response.header("ETag") else {
            throw .download(url: url.absoluteString, reason: "no ETag header; is HF_ENDPOINT a Hugging Face hub?")
        }
        let etag = Downloader.normalizeEtag(rawEtag)
        try SafeName.checkComponent(commit, what: "commit")
        try SafeName.checkComponent(etag, what: "etag")
        let size = (response.header("X-Linked-Size") ?? response.header("Content-Length")).flatMap { Int64($0) }
        var location = url
        if (300...399).contains(response.status), let target = response.header("Location"),
            let next = URL(string: target, relativeTo: url)?.absoluteURL
        {
            location = next
        }
        return FileMetadata(commit: commit, etag: etag, size: size, location: location)
    }

    static func normalizeEtag(_ raw: String) -> String {
        var value = raw.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("W/") { value.removeFirst(2) }
        return value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    /// Ensures `snapshots/<meta.commit>/<file>` links to a verified `blobs/<etag>`, downloading when needed.
    /// - Returns: the bytes downloaded (0 when the blob was already there), charged to `budget`.
    @discardableResult
    func download(_ repo: RepoID, file: String, meta: FileMetadata, budget: DownloadBudget) throws(HubError) -> Int64 {
        try SafeName.checkFile(file)
        let blob = cache.blob(repo, etag: meta.etag)
        var fetched: Int64 = 0
        if !blobIsUsable(blob, meta: meta) {
            try FileSystem.createDirectory(blob.deletingLastPathComponent())
            try FileSystem.withLock(cache.lock(repo, etag: meta.etag)) { () throws(HubError) in
                // Another process may have finished it while this one waited for the lock.
                if blobIsUsable(blob, meta: meta) { return }
                fetched = try fetchBlob(repo, file: file, meta: meta, into: blob, budget: budget)
            }
        }
        try cache.link(repo, commit: meta.commit, file: file, etag: meta.etag)
        return fetched
    }

    /// Whether `blobs/<etag>` is there with the advertised size (then nothing needs downloading).
    func blobIsUsable(_ repo: RepoID, meta: FileMetadata) -> Bool {
        blobIsUsable(cache.blob(repo, etag: meta.etag), meta: meta)
    }

    private func blobIsUsable(_ blob: URL, meta: FileMetadata) -> Bool {
        guard let size = FileSystem.fileSize(blob) else { return false }
        return meta.size.map { $0 == size } ?? true
    }

    /// Called holding the blob's lock. The temporary file is unique per attempt (so concurrent writers never share
    /// one, and a killed run's is never resumed or trusted) and names this process (see CacheJanitor.swift).
    private func fetchBlob(_ repo: RepoID, file: String, meta: FileMetadata, into blob: URL,
                           budget: DownloadBudget) throws(HubError) -> Int64 {
        let temp = blob.deletingLastPathComponent()
            .appendingPathComponent(CacheJanitor.temporaryBlobName(etag: meta.etag))
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .io(path: temp.path, reason: "cannot create temporary file: \(FileSystem.errnoText())")
        }
        var isOpen = true
        defer {
            if isOpen { close(fd) }
            unlink(temp.path)
        }
        let url = meta.location.absoluteString
        var limits: [BodyLimit] = []
        if let size = meta.size {
            limits.append(BodyLimit(bytes: size, error: .download(
                url: url, reason: "the server sent more than the advertised \(size) bytes; nothing was stored")))
        }
        limits.append(budget.bodyLimit())
        let label = "\(repo.value)/\(file)"
        let meter = ProgressMeter(label: label, total: meta.size, enabled: progress)
        let receiver = BodyReceiver(fd: fd, path: temp.path, limits: limits, progress: meter.update)
        let client = HTTPClient(timeout: settings.downloadTimeout)
        let result: DownloadResult
        do {
            result = try client.get(meta.location, headers: headers(for: meta.location), into: receiver)
        } catch {
            meter.finish()
            budget.spend(receiver.bytes)
            throw error
        }
        meter.finish()
        budget.spend(result.bytes)
        guard result.response.status == 200 else {
            throw .download(url: url, reason: "HTTP \(result.response.status)")
        }
        if let size = meta.size, result.bytes != size {
            throw .download(url: url, reason: "received \(result.bytes) bytes, the hub advertised \(size); nothing was stored")
        }
        if meta.isLFS, result.sha256 != meta.etag {
            throw .checksum(file: label, expected: "sha256 \(meta.etag)", actual: result.sha256)
        }
        let synced = fsync(fd) == 0
        isOpen = false
        guard close(fd) == 0, synced else {
            throw .io(path: temp.path, reason: "cannot write the download: \(FileSystem.errnoText())")
        }
        guard rename(temp.path, blob.path) == 0 else {
            throw .io(path: blob.path, reason: "cannot move the download into the cache: \(FileSystem.errnoText())")
        }
        return result.bytes
    }
}

/// Progress on a terminal for large files, quiet otherwise.
final class ProgressMeter: @unchecked Sendable {
    private let label: String
    private let total: Int64?
    private let enabled: Bool
    private let lock = NSLock()
    private var lastPercent = -1
    private var printed = false

    init(label: String, total: Int64?, enabled: Bool) {
        self.label = label
        self.total = total
        self.enabled = enabled && isatty(STDERR_FILENO) == 1 && (total ?? 0) >= 10 * 1024 * 1024
    }

    func update(_ bytes: Int64) {
        guard enabled, let total, total > 0 else { return }
        let percent = Int(bytes * 100 / total)
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastPercent else { return }
        lastPercent = percent
        printed = true
        let mb = { (b: Int64) in String(format: "%.1f", Double(b) / 1_048_576) }
        Self.show("\r\(label): \(mb(bytes)) / \(mb(total)) MB (\(percent)%)")
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if printed { Self.show("\n") }
        printed = false
    }

    /// Writes to stderr with write(2): the meter is cosmetic, so a closed or full stderr stops it quietly instead
    /// of trapping (Foundation's FileHandle.write does) or failing the download.
    private static func show(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            bytes = bytes.dropFirst(n)
        }
    }
}
