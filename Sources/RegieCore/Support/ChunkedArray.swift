/// An array kept in chunks of `chunkSize` elements, each shared between copies until one of them changes it: a copy
/// changed in one place costs a chunk, where an `Array` copies every element.
///
/// A network's versions and cache entries are kept per app server and brought up to date after every change by
/// changing a copy in a few places (the household that changed, or one added at the end) while the earlier value
/// stays in use by the requests that read it. As arrays each such copy retained all of a large network's households
/// and released them again: on a network of 18,000 households that was about a tenth of the server's time under a
/// stream of new signals (perf, forty-first session).
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    /// Elements per chunk: a change copies this many, and a copy retains one chunk per this many elements.
    public static var chunkSize: Int { 256 }

    /// One chunk. Changed only through `ChunkedArray`'s mutating members, and only while no other array shares it
    /// (`isKnownUniquelyReferenced`): a shared chunk is replaced by a copy first, so an array that a reader holds
    /// never changes under it.
    private final class Chunk: @unchecked Sendable {
        var elements: [Element]

        init(_ elements: [Element]) {
            self.elements = elements
            self.elements.reserveCapacity(ChunkedArray.chunkSize)
        }
    }

    private var chunks: [Chunk] = []
    public private(set) var count = 0

    public init() {}

    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index out of range")
            return chunks[position / Self.chunkSize].elements[position % Self.chunkSize]
        }
        set {
            precondition(position >= 0 && position < count, "index out of range")
            let chunk = ownChunk(position / Self.chunkSize)
            chunk.elements[position % Self.chunkSize] = newValue
        }
    }

    public mutating func append(_ element: Element) {
        if count % Self.chunkSize == 0 {
            chunks.append(Chunk([element]))
        } else {
            ownChunk(chunks.count - 1).elements.append(element)
        }
        count += 1
    }

    /// The chunk at `index`, made this array's own first when another array shares it.
    private mutating func ownChunk(_ index: Int) -> Chunk {
        if !isKnownUniquelyReferenced(&chunks[index]) { chunks[index] = Chunk(chunks[index].elements) }
        return chunks[index]
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}
