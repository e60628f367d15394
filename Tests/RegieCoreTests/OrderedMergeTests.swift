import RegieCore
import Testing

@Suite("OrderedMerge")
struct OrderedMergeTests {
    @Test("Two ordered lists merge into the order sorting them together gives; equal elements of the first come first")
    func merges() {
        let first = [1, 3, 3, 8, 9].map { ($0, "a") }
        let second = [0, 3, 4, 10].map { ($0, "b") }
        let merged = first.merged(with: second) { $0.0 < $1.0 }
        #expect(merged.map(\.0) == [0, 1, 3, 3, 3, 4, 8, 9, 10])
        #expect(merged.filter { $0.0 == 3 }.map(\.1) == ["a", "a", "b"])
        #expect([Int]().merged(with: [2, 1], by: >) == [2, 1])
        #expect([5, 4].merged(with: [], by: >) == [5, 4])
        #expect([9, 5, 1].merged(with: [7, 6, 0], by: >) == [9, 7, 6, 5, 1, 0], "any order, here newest first")
    }

    @Test(
        "A few elements merged into a long list land where a stable sort of both puts them, duplicates after the list's"
    )
    func fewIntoMany() {
        let long = (0..<200).map { ($0 / 3, "kept") }
        for few in [[-1], [0], [5, 5], [17, 40, 40, 66], [66, 67], [1000]] {
            let fresh = few.map { ($0, "new") }
            let merged = long.merged(with: fresh) { $0.0 < $1.0 }
            let sorted = (long + fresh).sorted { $0.0 < $1.0 }
            #expect(merged.map(\.0) == sorted.map(\.0))
            #expect(
                merged.map(\.1) == sorted.map(\.1), "equal keys: the long list's first, as a stable sort keeps them")
        }
    }
}
