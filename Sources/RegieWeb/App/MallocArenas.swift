#if canImport(Glibc)
    import Glibc
#endif

/// How many heaps (arenas) glibc's allocator may keep for the server's threads.
///
/// glibc gives a thread that finds the heaps busy an arena of its own, up to eight per core, and memory freed in one
/// arena is not reused by another; a server whose requests hop between event-loop and pool threads ends up with many
/// half-empty arenas. Measured at region scale on PostgreSQL (bench/RESULTS.md, sixteenth measurement): peak RSS
/// 216 MB with glibc's default, 164 MB with two arenas, at the same pages per second. An operator's own
/// `MALLOC_ARENA_MAX` is left as it is.
public enum MallocArenas {
    /// The limit `regie serve` sets.
    public static let serverLimit: Int32 = 2

    /// Limits the arenas made from now on; returns whether the allocator took the limit (always false off glibc).
    @discardableResult
    public static func limit(to count: Int32) -> Bool {
        #if canImport(Glibc)
            guard getenv("MALLOC_ARENA_MAX") == nil else { return false }
            // `mallopt` is not in Swift's Glibc module; it is looked up by name. M_ARENA_MAX is -8 in malloc.h.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return false }
            return unsafeBitCast(symbol, to: Mallopt.self)(-8, count) == 1
        #else
            return false
        #endif
    }
}
