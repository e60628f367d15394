import Foundation
import RegieCore

/// The households of a generated region, drawn from a seeded generator: the phase mix of a network that has worked
/// for years (most cases closed, a fifth with a running plan, some stalled or escalated) and made-up Dutch names.
enum ScaleHouseholds {
    /// Stories and their weight out of 100.
    static let mix: [(DemoCases.Story, Int)] = [
        (.newSignal, 3), (.informationRound, 3), (.plan, 22), (.stalled, 8), (.escalated, 2), (.closed, 50),
        (.aftercare, 8), (.reopened, 4),
    ]

    static let familyStarts = [
        "Ver", "Proef", "Denk", "Oefen", "Zon", "Wolk", "Berk", "Linde", "Molen", "Dijk", "Beek", "Heide", "Weide",
        "Vlier", "Brug", "Akker", "Hazel", "Wilg", "Klaver", "Riet",
    ]
    static let familyEnds = [
        "stra", "sma", "huis", "man", "hof", "kamp", "veld", "ink", "ing", "brink", "dam", "horst", "laar", "werf",
        "hoven",
    ]
    static let streets = [
        "Fictieflaan", "Verzonnenstraat", "Proefpad", "Denkbeeldweg", "Oefenhof", "Droomdreef", "Schetsstraat",
        "Ontwerplaan", "Voorbeeldweg", "Bedachtpad",
    ]

    static func story(_ random: inout SeededGenerator) -> DemoCases.Story {
        var roll = Int.random(in: 0..<100, using: &random)
        for (story, weight) in mix {
            if roll < weight { return story }
            roll -= weight
        }
        return .closed
    }

    /// One household: a parent and up to three children (2.5 persons on average), closed cases spread over four
    /// years of history.
    static func household(
        _ story: DemoCases.Story, areas: [String], random: inout SeededGenerator
    ) -> DemoHousehold {
        let family =
            familyStarts.randomElement(using: &random)! + familyEnds.randomElement(using: &random)!
        func birth(_ years: ClosedRange<Int>) -> Day? {
            Day(
                String(
                    format: "%04d-%02d-%02d", Int.random(in: years, using: &random),
                    Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random)))
        }
        let children = (0..<[0, 1, 1, 2, 2, 3][Int.random(in: 0..<6, using: &random)]).map { _ in
            (DemoCases.childNames.randomElement(using: &random)!, birth(2008...2024))
        }
        return DemoHousehold(
            familyName: family, parentName: DemoCases.givenNames.randomElement(using: &random)!,
            parentBirth: birth(1955...1999), children: children, street: streets.randomElement(using: &random)!,
            houseNumber: String(Int.random(in: 1...240, using: &random)),
            neighbourhood: areas.randomElement(using: &random)!,
            description: Int.random(in: 0..<DemoCases.descriptions.count, using: &random),
            extraDays: story == .closed ? Int.random(in: 0...1_460, using: &random) : 0)
    }
}
