import Foundation
import Testing

@testable import RegieWeb

@Suite("Malloc arenas")
struct MallocArenasTests {
    @Test("The allocator takes the server's limit, unless the operator set MALLOC_ARENA_MAX")
    func limit() {
        #if canImport(Glibc)
            if ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil {
                #expect(MallocArenas.limit(to: MallocArenas.serverLimit))
            } else {
                #expect(!MallocArenas.limit(to: MallocArenas.serverLimit), "the operator's setting stands")
            }
        #endif
    }
}
