import Foundation
import RegieCore

/// The family level on the case page, for networks with a level pyramid: the level now, who keeps the process in
/// view on it, the history up and down, and the form to set a new level.
struct FamilyLevelView {
    let base: CaseView

    private var profile: WorkflowProfile { base.facts.profile }
    private func text(_ key: String) -> String { base.text(key) }

    /// The name of a level, e.g. "2 — MPG met vrijwillige geïndiceerde jeugdzorg".
    static func name(_ level: Int, in profile: WorkflowProfile) -> String {
        profile.familyLevels.first { $0.level == level }.map { "\($0.level) — \($0.name)" } ?? String(level)
    }

    /// The history rows; with `reasons == false` for the process view, which shows no content.
    static func history(
        _ history: FamilyLevelHistory, profile: WorkflowProfile, reasons: Bool, text: (String) -> String
    )
        -> [[String: Any]]
    {
        history.changes.enumerated().reversed().map { index, change -> [String: Any] in
            [
                "level": name(change.level, in: profile), "on": change.on.dutch, "by": change.byName,
                "direction": text("family_level.direction.\(history.direction(at: index).rawValue)"),
                "reason": reasons ? change.reason : "", "hasReason": reasons && !change.reason.isEmpty,
            ]
        }
    }

    func values() -> [String: Any] {
        guard !profile.familyLevels.isEmpty else { return ["usesFamilyLevels": false] }
        let history = base.facts.familyLevels
        let current = history.current
        let responsible = current.map { FamilyLevelHistory.responsible(for: $0.level, in: profile) }
        return [
            "usesFamilyLevels": true, "hasFamilyLevel": current != nil,
            "familyLevelNow": current.map { Self.name($0.level, in: profile) } ?? "",
            "familyLevelSince": current?.on.dutch ?? "",
            "familyLevelResponsible": responsible.map {
                profile.displayName(for: $0, generic: text($0.textKey))
            } ?? "",
            "familyLevelHistory": Self.history(history, profile: profile, reasons: true, text: text),
            "familyLevelOptions": ChoiceList.options(
                profile.familyLevels.map { level in
                    Choice(
                        String(level.level), "\(level.level) — \(level.name)",
                        chosen: String(level.level)
                            == base.kept("family_level", current.map { String($0.level) } ?? ""))
                }),
            "familyLevelOnInput": base.kept("family_level_on", Day(Date()).dutch),
            "familyLevelReasonInput": base.kept("family_level_reason"),
        ]
    }
}
