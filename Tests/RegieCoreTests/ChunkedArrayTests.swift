import RegieCore
import Testing

@Suite("ChunkedArray")
struct ChunkedArrayTests {
    @Test("Appends and changes across chunks read back as an array given the same ones does")
    func likeAnArray() {
        var chunked = ChunkedArray<Int>()
        var array: [Int] = []
        let size = ChunkedArray<Int>.chunkSize
        for value in 0..<(3 * size + 7) {
            chunked.append(value)
            array.append(value)
        }
        for position in [0, 1, size - 1, size, 2 * size + 3, array.count - 1] {
            chunked[position] = -position
            array[position] = -position
        }
        #expect(Array(chunked) == array)
        #expect(chunked.count == array.count)
        #expect(chunked.last == array.last)
        #expect(ChunkedArray([1, 2, 3]).map { $0 * 2 } == [2, 4, 6])
        #expect(ChunkedArray<Int>().isEmpty)
    }

    @Test("A copy changed in one place or grown leaves the array it was copied from as it was")
    func valueSemantics() {
        let size = ChunkedArray<String>.chunkSize
        let original = ChunkedArray((0..<(2 * size)).map { "h\($0)" })
        var copy = original
        copy[size + 1] = "changed"
        copy.append("added")
        var another = original
        another[0] = "other"
        #expect(original[size + 1] == "h\(size + 1)")
        #expect(original[0] == "h0")
        #expect(original.count == 2 * size)
        #expect(copy[size + 1] == "changed" && copy[0] == "h0" && copy.last == "added")
        #expect(another[0] == "other" && another[size + 1] == "h\(size + 1)" && another.count == 2 * size)
    }
}
