// Environment variables, read once per resolver, with huggingface_hub's and sentence-transformers' meaning
// (huggingface_hub/constants.py): HF_HOME (default $XDG_CACHE_HOME/huggingface, else ~/.cache/huggingface),
// HF_HUB_CACHE (legacy HUGGINGFACE_HUB_CACHE; default $HF_HOME/hub), HF_ENDPOINT (default https://huggingface.co),
// HF_TOKEN (legacy HUGGING_FACE_HUB_TOKEN, else the token file $HF_TOKEN_PATH or $HF_HOME/token),
// HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE; true for 1/ON/YES/TRUE), HF_HUB_ETAG_TIMEOUT and
// HF_HUB_DOWNLOAD_TIMEOUT (seconds, default 10). sentence-transformers passes SENTENCE_TRANSFORMERS_HOME as the
// cache folder when it is set, so downloads go there, else into HF_HUB_CACHE.
// Quill's own: QUILL_ALLOW_DOWNLOAD (true for 1/ON/YES/TRUE) lets resolution download a model it does not find
// locally, which it never does otherwise (`quill fetch` always may); QUILL_MAX_DOWNLOAD_SIZE caps one model's
// download (ByteSize.swift: 500M, 2G, bytes; default 5 GB).

import Foundation

struct HubSettings: Sendable {
    var endpoint: String
    var token: String?
    var offline: Bool
    var etagTimeout: TimeInterval
    var downloadTimeout: TimeInterval
    /// Resolution may download what it does not find locally (QUILL_ALLOW_DOWNLOAD, or `--download`).
    var allowDownload: Bool
    /// Bytes one model's download may write (QUILL_MAX_DOWNLOAD_SIZE, or `quill fetch --max-download-size`).
    var maxDownloadSize: Int64
    /// A QUILL_MAX_DOWNLOAD_SIZE that does not parse; reported by the first download instead of being ignored.
    var invalidSetting: HubError?
    /// Hub-layout caches, in search order; the first is where downloads go.
    var caches: [URL]
    /// Project-local model folders, in search order.
    var localFolders: [URL]
    /// $HOME, for `~` in paths.
    var home: URL

    init(environment env: [String: String], searchPaths: [URL], currentDirectory: URL) {
        func value(_ key: String) -> String? {
            guard let v = env[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        func isTrue(_ key: String) -> Bool {
            guard let v = value(key) else { return false }
            return ["1", "ON", "YES", "TRUE"].contains(v.uppercased())
        }
        func seconds(_ key: String) -> TimeInterval {
            guard let v = value(key), let s = Double(v), s > 0, s.isFinite else { return 10 }
            return s
        }
        let home = URL(fileURLWithPath: value("HOME") ?? NSHomeDirectory(), isDirectory: true)
        self.home = home
        func path(_ p: String) -> URL {
            if p == "~" { return home }
            if p.hasPrefix("~/") { return home.appendingPathComponent(String(p.dropFirst(2)), isDirectory: true) }
            return URL(fileURLWithPath: p, isDirectory: true, relativeTo: currentDirectory).standardizedFileURL
        }

        var endpoint = value("HF_ENDPOINT") ?? "https://huggingface.co"
        while endpoint.hasSuffix("/") { endpoint.removeLast() }
        self.endpoint = endpoint

        let xdgCache = value("XDG_CACHE_HOME").map(path) ?? home.appendingPathComponent(".cache", isDirectory: true)
        let hfHome = value("HF_HOME").map(path) ?? xdgCache.appendingPathComponent("huggingface", isDirectory: true)

        var token = value("HF_TOKEN") ?? value("HUGGING_FACE_HUB_TOKEN")
        if token == nil {
            let tokenFile = value("HF_TOKEN_PATH").map { path($0) } ?? hfHome.appendingPathComponent("token")
            if let text = try? String(contentsOf: tokenFile, encoding: .utf8) {
                let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
                token = t.isEmpty ? nil : t
            }
        }
        self.token = token
        offline = isTrue("HF_HUB_OFFLINE") || isTrue("TRANSFORMERS_OFFLINE")
        etagTimeout = seconds("HF_HUB_ETAG_TIMEOUT")
        downloadTimeout = seconds("HF_HUB_DOWNLOAD_TIMEOUT")
        allowDownload = isTrue("QUILL_ALLOW_DOWNLOAD")
        maxDownloadSize = ByteSize.defaultDownloadLimit
        invalidSetting = nil
        if let text = value("QUILL_MAX_DOWNLOAD_SIZE") {
            do { maxDownloadSize = try ByteSize.parse(text, name: "QUILL_MAX_DOWNLOAD_SIZE") } catch {
                invalidSetting = error
            }
        }

        var caches: [URL] = []
        if let st = value("SENTENCE_TRANSFORMERS_HOME") { caches.append(path(st)) }
        if let c = value("HF_HUB_CACHE") ?? value("HUGGINGFACE_HUB_CACHE") { caches.append(path(c)) }
        caches.append(hfHome.appendingPathComponent("hub", isDirectory: true))
        caches.append(home.appendingPathComponent(".cache/huggingface/hub", isDirectory: true))
        self.caches = HubSettings.unique(caches)

        var local = searchPaths.map { $0.standardizedFileURL }
        local.append(currentDirectory.appendingPathComponent("models", isDirectory: true).standardizedFileURL)
        if let extra = value("QUILL_MODEL_PATH") {
            local += extra.split(separator: ":").filter { !$0.isEmpty }.map { path(String($0)) }
        }
        localFolders = HubSettings.unique(local)
    }

    private static func unique(_ urls: [URL]) -> [URL] {
        var seen = Set<String>()
        return urls.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
