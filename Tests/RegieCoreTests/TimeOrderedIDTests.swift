import Foundation
import Testing

@testable import RegieCore

@Suite("TimeOrderedID")
struct TimeOrderedIDTests {
    @Test("Has the UUID form with version 7 and the RFC 9562 variant")
    func form() throws {
        let id = TimeOrderedID.make(at: Date(timeIntervalSince1970: 1_795_553_711.105))
        let parts = id.split(separator: "-").map(\.count)
        #expect(parts == [8, 4, 4, 4, 12])
        #expect(id == id.lowercased())
        #expect(UUID(uuidString: id) != nil)
        #expect(Array(id)[14] == "7")
        #expect("89ab".contains(Array(id)[19]))
        // 1,795,553,711,105 ms is 0x01a20f575401.
        #expect(id.hasPrefix("01a20f57-5401-7"))
    }

    @Test("Within one millisecond the fraction keeps the order (RFC 9562, 6.2 method 3)")
    func fraction() {
        let early = TimeOrderedID.make(at: Date(timeIntervalSince1970: 1_795_553_711.105_1))
        let late = TimeOrderedID.make(at: Date(timeIntervalSince1970: 1_795_553_711.105_9))
        #expect(early.prefix(13) == late.prefix(13) && early.prefix(18) < late.prefix(18))
    }

    @Test("Later moments sort after earlier ones, and identifiers of one moment differ")
    func ordering() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let ids = (0..<2_000).map { TimeOrderedID.make(at: start.addingTimeInterval(Double($0) / 500)) }
        for (earlier, later) in zip(ids, ids.dropFirst()) where earlier.prefix(13) != later.prefix(13) {
            #expect(earlier < later)
        }
        let same = (0..<1_000).map { _ in TimeOrderedID.make(at: start) }
        #expect(Set(same).count == same.count)
        #expect(Set(same.map { $0.prefix(13) }).count == 1)
    }

    @Test("New identifiers of households and timeline events are time-ordered, so new rows go to the end of indexes")
    func newRecords() async throws {
        let household = HouseholdID()
        try await Task.sleep(for: .milliseconds(2))
        let event = TimelineEvent(
            household: household, network: NetworkID(), actor: nil, actorOrganisation: nil, kind: "k", summary: "s")
        #expect(Array(household.rawValue)[14] == "7" && Array(event.id)[14] == "7")
        #expect(household.rawValue < event.id)
    }
}
