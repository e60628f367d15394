import Foundation
import Testing

@testable import RegieStore

/// A wait that should end but might not is given a limit: closing a database must not hang a stopping server.
@Suite("Bounded wait: closing what does not close in time is not waited for")
struct BoundedWaitTests {
    @Test("Work that ends in time says so; work that never ends is left after the limit")
    func bounded() async {
        #expect(await BoundedWait.run(.seconds(30)) {})
        // An hour stands for a pool whose shutdown never finishes; the answer comes after the limit, not after it.
        #expect(!(await BoundedWait.run(.milliseconds(200)) { try? await Task.sleep(for: .seconds(3600)) }))
    }
}
