import Testing

@testable import RegieCore

/// Whether an area is marked for a collective approach follows from the latest recorded mark, in recording order.
@Suite("Collective approach: an area's mark follows from the latest recorded fact")
struct CollectiveApproachTests {
    static let network = NetworkID()

    static func mark(_ area: String, _ marked: Bool, at: Int64, network: NetworkID = network)
        -> CollectiveApproach.Mark
    {
        .init(
            network: network, area: area, marked: marked, reason: marked ? "Veel schulden in de buurt" : "",
            on: Day("01-03-2026")!, byName: "Teun", recordedAt: at)
    }

    @Test("Marked, ended, marked again: the latest counts, also when recorded out of order on one day")
    func latest() {
        let approach = CollectiveApproach(marks: [
            Self.mark("Oost", true, at: 1), Self.mark("Oost", false, at: 2), Self.mark("West", true, at: 3),
            Self.mark("Noord", true, at: 6), Self.mark("Noord", false, at: 5),
        ])
        #expect(approach.mark(of: "Oost", in: Self.network) == nil)
        #expect(approach.mark(of: "West", in: Self.network)?.reason == "Veel schulden in de buurt")
        #expect(approach.mark(of: "Noord", in: Self.network) != nil)
    }

    @Test("The same area name in another network is another area")
    func perNetwork() {
        let other = NetworkID()
        let approach = CollectiveApproach(marks: [Self.mark("Oost", true, at: 1, network: other)])
        #expect(approach.mark(of: "Oost", in: Self.network) == nil && approach.mark(of: "Oost", in: other) != nil)
    }

    @Test("Marking needs a known area and a reason; ending needs only the area")
    func problems() {
        #expect(
            CollectiveApproach.problems(area: "Oost", known: ["Oost"], marking: true, reason: " ") == [
                "reason": "error.collective_reason"
            ])
        #expect(
            CollectiveApproach.problems(area: "Zuid", known: ["Oost"], marking: false, reason: "") == [
                "area": "error.invalid_choice"
            ])
        #expect(CollectiveApproach.problems(area: "Oost", known: ["Oost"], marking: false, reason: "").isEmpty)
    }
}
