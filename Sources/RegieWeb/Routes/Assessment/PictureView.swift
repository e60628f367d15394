import Foundation
import RegieCore
import RegieStore

/// The integrated picture on the case page: latest scores per member and domain, their change over time
/// (chart and table), the safety picture per member, strengths and the informal network — with the forms
/// that add to them.
struct PictureView {
    let base: CaseView

    private var facts: CaseFacts { base.facts }
    private func text(_ key: String) -> String { base.text(key) }

    func values() -> [String: Any] {
        let latest = facts.scores.latest
        let domains = facts.profile.domains
        var values: [String: Any] = [
            "domains": domains.map { ["code": $0.code, "name": $0.name] },
            "hasScores": !facts.scores.scores.isEmpty,
            "scoreRows": facts.members.map { member -> [String: Any] in
                [
                    "name": facts.memberNames[member.id] ?? "—",
                    "cells": domains.map { domain -> [String: Any] in
                        guard let score = latest[member.id]?[domain.code] else { return ["empty": true] }
                        return [
                            "score": score.score.rawValue, "low": score.score.needsGoal,
                            "title": "\(text(score.score.textKey)) — \(score.assessedOn.dutch), \(score.assessor)",
                        ]
                    },
                ]
            },
            "scoreHistory": history(),
            "hasScoreHistory": !history().isEmpty,
            "chart": ScoreChart.svg(chartLines(), title: text("picture.chart_title")),
            "assessPersons": personOptions("assess_person"),
            "assessDay": base.kept("assessed_on", Day(Date()).dutch),
        ]
        values["assessDomains"] = domains.map { domain -> [String: Any] in
            let chosen = base.kept("score_\(domain.code)")
            return [
                "code": domain.code, "name": domain.name,
                "choices": ChoiceList.options(
                    SelfSufficiencyScore.allCases.map { score in
                        Choice(
                            "\(score.rawValue)", "\(score.rawValue) — \(text(score.textKey))",
                            chosen: chosen == "\(score.rawValue)")
                    }),
            ]
        }
        values.merge(safety()) { first, _ in first }
        values.merge(network()) { first, _ in first }
        return values
    }

    private func personOptions(_ field: String) -> ChoiceList {
        let chosen = base.kept(field)
        return .options(
            facts.members.map { Choice($0.id, facts.memberNames[$0.id] ?? "—", chosen: $0.id == chosen) })
    }

    /// Per member and domain, every score in order: "3 (01-02-2026) → 4 (01-05-2026)".
    private func history() -> [[String: Any]] {
        facts.members.flatMap { member in
            facts.profile.domains.compactMap { domain -> [String: Any]? in
                let series = facts.scores.series(person: member.id, domain: domain.code)
                guard series.count > 1 else { return nil }
                return [
                    "name": facts.memberNames[member.id] ?? "—", "domain": domain.name,
                    "series": series.map { "\($0.score.rawValue) (\($0.assessedOn.dutch))" }.joined(separator: " → "),
                    "change": series.last!.score.rawValue - series.first!.score.rawValue,
                ]
            }
        }
    }

    /// One line per member (their mean over the domains scored so far) and one for the household.
    private func chartLines() -> [ScoreChart.Line] {
        let days = facts.scores.days
        var lines = facts.members.compactMap { member -> ScoreChart.Line? in
            let own = facts.scores.scores.filter { $0.person == member.id }
            guard !own.isEmpty else { return nil }
            let points = days.compactMap { day -> (day: Day, value: Double)? in
                let current = ScoreHistory(own.filter { $0.assessedOn <= day }).latest[member.id]?.values
                guard let current, !current.isEmpty, own.contains(where: { $0.assessedOn == day }) else { return nil }
                return (day, Double(current.reduce(0) { $0 + $1.score.rawValue }) / Double(current.count))
            }
            return ScoreChart.Line(label: facts.memberNames[member.id] ?? "—", points: points)
        }
        if lines.count > 1 {
            lines.append(
                ScoreChart.Line(
                    label: text("picture.household"), points: facts.scores.householdMeans().map { ($0.day, $0.mean) }))
        }
        return lines
    }

    private func safety() -> [String: Any] {
        let pictures = Dictionary(uniqueKeysWithValues: facts.safety.map { ($0.person, $0) })
        let chosen = Set(base.form?.all("concern") ?? [])
        return [
            "safetyRows": facts.members.map { member -> [String: Any] in
                guard let picture = pictures[member.id] else {
                    return ["name": facts.memberNames[member.id] ?? "—", "missing": true]
                }
                return [
                    "name": facts.memberNames[member.id] ?? "—", "asOf": picture.asOf.dutch, "unsafe": !picture.isSafe,
                    "concerns": picture.isSafe
                        ? text("safety.none")
                        : SafetyPicture.Concern.allCases.filter(picture.concerns.contains).map { text($0.textKey) }
                            .joined(separator: ", "),
                    "note": picture.note,
                ]
            },
            "safetyPersons": personOptions("safety_person"),
            "safetyDay": base.kept("as_of", Day(Date()).dutch), "safetyNote": base.kept("safety_note"),
            "concernChoices": ChoiceList.checkboxes(
                "concern",
                SafetyPicture.Concern.allCases.map {
                    Choice($0.rawValue, text($0.textKey), chosen: chosen.contains($0.rawValue))
                }),
        ]
    }

    private func network() -> [String: Any] {
        [
            "networkEntries": facts.informal.map { entry -> [String: Any] in
                [
                    "kind": text(entry.kind.textKey), "name": entry.name, "hasName": !entry.name.isEmpty,
                    "description": entry.description,
                ]
            },
            "hasNetworkEntries": !facts.informal.isEmpty,
            "networkKinds": base.options(InformalNetworkEntry.Kind.allCases, selected: base.kept("kind", "family")) {
                text($0.textKey)
            },
            "networkName": base.kept("network_name"), "networkDescription": base.kept("network_description"),
        ]
    }
}
