// `quill cache info` and `quill cache clear`: where the embedding and score cache is, how much it holds, its
// limit; and emptying it. The cache itself is in Cache/ (EmbeddingCache.swift).
import ArgumentParser
import Foundation
import QuillHub

struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or clear the cache of embeddings and cross-encoder scores.",
        discussion: """
            run, check and update read and write the cache unless given --no-cache; embed and score only with \
            --cache. It lives in $QUILL_CACHE_DIR, else $XDG_CACHE_HOME/quill, else ~/.cache/quill, and keeps at \
            most QUILL_CACHE_SIZE (default 1G; K, M, G, T suffixes), evicting the least recently used entries.
            """,
        subcommands: [Info.self, Clear.self])

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the cache's location, entries, size and limit.")

        func run() throws {
            let settings = try CacheSettings.fromEnvironment()
            let scan = CacheEviction(settings: settings).scan()
            try Console.out("""
                location: \(settings.directory.path)
                entries:  \(scan.entries.count)
                size:     \(ByteSize.describe(scan.bytes))
                limit:    \(ByteSize.describe(settings.limit))
                engine:   \(CacheEngine.identity)

                """)
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove every cached embedding and score.")

        func run() throws {
            let settings = try CacheSettings.fromEnvironment()
            let eviction = CacheEviction(settings: settings)
            let before = eviction.scan()
            do { try eviction.clear() } catch {
                throw CLIError(description: "cannot clear the cache at \(settings.directory.path): \(error)")
            }
            try Console.out("removed \(before.entries.count) entries (\(ByteSize.describe(before.bytes))) "
                            + "from \(settings.directory.path)\n")
        }
    }
}
