import Testing

@testable import RegieStore

/// A list page seen again names a household set already stored; the server remembers the sets it saw committed.
@Suite("Stored access sets")
struct StoredAccessSetsTests {
    @Test("A set is known once remembered; past the capacity the memory starts again")
    func memory() {
        let stored = StoredAccessSets()
        #expect(!stored.contains("a"))
        stored.remember(["a", "b"])
        #expect(stored.contains("a") && stored.contains("b") && !stored.contains("c"))
        stored.remember((0...StoredAccessSets.capacity).map { "set-\($0)" })
        #expect(!stored.contains("a"), "forgetting costs a question to the database, never a wrong answer")
    }
}
