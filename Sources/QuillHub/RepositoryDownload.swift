// One model's download, planned before anything large is written:
//
// 1. The first file's metadata pins the commit (modules.json, else config.json), so one snapshot is coherent.
//    modules.json, and a shard index, are fetched at once: they name the other files.
// 2. Every other file the model needs is looked up (HEAD): weights first, so a pickle-only repository is refused
//    before anything else is fetched, then configs and tokenizer files, then each module's config and weights.
// 3. The advertised sizes of the files not yet in the cache are added up; over the size limit, the download stops
//    here with nothing more written. Each body is then capped while it streams, at its advertised size and at what
//    is left of the limit, so a server that lies about sizes (or gives none) is stopped too.
// 4. The files are fetched, and `refs/<revision>` is written last, so it never points at a partial snapshot.

import Foundation

struct RepositoryDownload {
    let repo: RepoID
    let revision: String
    let cache: HubCache
    let loader: Downloader
    let budget: DownloadBudget

    func run() throws(HubError) -> URL {
        CacheJanitor.sweep(cache)
        var modules: [ModuleEntry]? = nil
        let commit: String
        if let meta = try loader.metadata(repo, revision: revision, file: "modules.json") {
            commit = meta.commit
            try fetchNow("modules.json", meta)
            modules = try ModelFiles.modules(from: read("modules.json", commit: commit), file: "\(repo.value)/modules.json")
        } else if let meta = try loader.metadata(repo, revision: revision, file: "config.json") {
            commit = meta.commit
        } else {
            let url = loader.resolveURL(repo, revision: revision, file: "config.json")?.absoluteString ?? repo.value
            throw .notFound(model: repo.value, searched: [url],
                            hint: "the repository has neither modules.json nor config.json; is it a transformers model?")
        }

        var plan: [(file: String, meta: FileMetadata)] = []
        func add(_ file: String, required: Bool = false) throws(HubError) -> Bool {
            guard let meta = try loader.metadata(repo, revision: commit, file: file) else {
                if required {
                    throw .notFound(model: repo.value, searched: [file], hint: "the repository has no \(file) at commit \(commit)")
                }
                return false
            }
            plan.append((file, meta))
            return true
        }

        /// Safetensors weights in `prefix`, single file or sharded; pickle-only is refused, nothing else fetched.
        func addWeights(_ prefix: String, required: Bool) throws(HubError) {
            if try add(ModelFiles.join(prefix, "model.safetensors")) { return }
            let indexName = ModelFiles.join(prefix, "model.safetensors.index.json")
            if let meta = try loader.metadata(repo, revision: commit, file: indexName) {
                try fetchNow(indexName, meta)
                for shard in try ModelFiles.shards(from: read(indexName, commit: commit), file: "\(repo.value)/\(indexName)") {
                    _ = try add(ModelFiles.join(prefix, shard), required: true)
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

        let transformerPrefix = modules?.first(where: { $0.isTransformer })?.path ?? ""
        try addWeights(transformerPrefix, required: true)
        _ = try add(ModelFiles.join(transformerPrefix, "config.json"), required: true)
        for file in ModelFiles.transformerFiles { _ = try add(ModelFiles.join(transformerPrefix, file)) }
        if !transformerPrefix.isEmpty { _ = try add("sentence_bert_config.json") }
        for file in ModelFiles.rootFiles { _ = try add(file) }
        for module in modules ?? [] where !module.isTransformer && !module.path.isEmpty {
            _ = try add(ModelFiles.join(module.path, "config.json"))
            if !module.isWeightless { try addWeights(module.path, required: false) }
        }

        try budget.check(planned: pendingBytes(plan.map(\.meta)))
        for item in plan { try loader.download(repo, file: item.file, meta: item.meta, budget: budget) }
        try cache.writeRef(repo, revision: revision, commit: commit)
        return cache.snapshot(repo, commit: commit)
    }

    /// A file needed to plan the rest (modules.json, a shard index), fetched within the limit before the others.
    private func fetchNow(_ file: String, _ meta: FileMetadata) throws(HubError) {
        try budget.check(planned: pendingBytes([meta]))
        try loader.download(repo, file: file, meta: meta, budget: budget)
    }

    /// Advertised bytes of the blobs not yet in the cache (saturating; an unknown size counts 0 here and is
    /// capped while it streams).
    private func pendingBytes(_ files: [FileMetadata]) -> Int64 {
        var seen = Set<String>()
        var total: Int64 = 0
        for meta in files where seen.insert(meta.etag).inserted && !loader.blobIsUsable(repo, meta: meta) {
            let (sum, overflow) = total.addingReportingOverflow(max(0, meta.size ?? 0))
            total = overflow ? .max : sum
        }
        return total
    }

    private func read(_ file: String, commit: String) throws(HubError) -> Data {
        let url = cache.snapshot(repo, commit: commit).appendingPathComponent(file)
        do { return try Data(contentsOf: url) } catch {
            throw .io(path: url.path, reason: "cannot read the downloaded \(file): \(error.localizedDescription)")
        }
    }
}
