/// A dictionary kept in `bucketCount` buckets by the keys' hashes, each shared between copies until one of them
/// changes it: a copy changed at one key costs a bucket, where a `Dictionary` copies every entry. What
/// `ChunkedArray` is to an array, for the place of each household in a network's versions.
public struct BucketedDictionary<Key: Hashable, Value> {
    /// Buckets: a change copies about `count / bucketCount` entries, and a copy retains this many buckets.
    public static var bucketCount: Int { 64 }

    /// One bucket; changed only while no other dictionary shares it (as `ChunkedArray`'s chunks).
    private final class Bucket: @unchecked Sendable {
        var entries: [Key: Value]

        init(_ entries: [Key: Value]) { self.entries = entries }
    }

    private var buckets: [Bucket] = (0..<Self.bucketCount).map { _ in Bucket([:]) }

    public init() {}

    public subscript(key: Key) -> Value? {
        get { buckets[Self.bucket(of: key)].entries[key] }
        set {
            let index = Self.bucket(of: key)
            if !isKnownUniquelyReferenced(&buckets[index]) { buckets[index] = Bucket(buckets[index].entries) }
            buckets[index].entries[key] = newValue
        }
    }

    /// The key's bucket: the hash is the process's own, as the dictionary is never stored.
    private static func bucket(of key: Key) -> Int {
        Int(UInt(bitPattern: key.hashValue) % UInt(bucketCount))
    }
}

extension BucketedDictionary: Sendable where Key: Sendable, Value: Sendable {}
