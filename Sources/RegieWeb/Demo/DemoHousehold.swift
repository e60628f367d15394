import Foundation
import RegieCore

/// Who a demo household is: the names, birth dates and address its signal carries, and how many days further back
/// than its story's usual timing its history lies (closed cases of a generated region spread over years).
struct DemoHousehold: Sendable {
    var familyName: String
    var parentName: String
    var parentBirth: Day?
    var children: [(name: String, birth: Day?)]
    var street: String
    var houseNumber: String
    var neighbourhood: String
    /// Which of the demo descriptions the signal uses.
    var description: Int
    var extraDays = 0

    /// The household of `story` in the demo region's network number `index`: the same every time it is loaded.
    static func fixed(_ story: DemoCases.Story, index: Int, areas: [String]) -> DemoHousehold {
        let names = DemoCases.givenNames
        let year = 1962 + (index * 8 + story.rawValue * 5) % 36
        return DemoHousehold(
            familyName: story.familyName, parentName: names[(index * 3 + story.rawValue) % names.count],
            parentBirth: Day(String(format: "%04d-%02d-%02d", year, story.rawValue + 2, index + 10)),
            children: story.rawValue % 2 == 0
                ? [
                    (
                        DemoCases.childNames[(index + story.rawValue) % DemoCases.childNames.count],
                        Day(String(format: "%04d-%02d-%02d", 2010 + (index + story.rawValue) % 12, 9, 3))
                    )
                ] : [],
            street: ["Fictieflaan", "Verzonnenstraat", "Proefpad", "Denkbeeldweg"][story.rawValue % 4],
            houseNumber: String(3 + story.rawValue * 7), neighbourhood: areas[story.rawValue % areas.count],
            description: story.rawValue)
    }
}
