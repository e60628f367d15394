import Foundation
import RegieCore

/// The values of the inspection page: per theme its indicators with ✓/✗/open and the evidence, and for recorded
/// indicators the answer form (directors), with the input and the problems kept for the indicator that failed.
struct InspectionView {
    let app: WebApp
    let locale: String
    let assessment: InspectionAssessment
    let mayAnswer: Bool
    let form: FormData?
    let problem: (indicator: String, fields: [String: String])?

    private func text(_ key: String) -> String { app.views.translations.text(key, locale) }

    func values() -> [String: Any] {
        let findings = assessment.findings
        return [
            "themes": InspectionFramework.Theme.allCases.map { theme -> [String: Any] in
                let own = findings.filter { $0.indicator.theme == theme }
                return [
                    "title": text(theme.textKey),
                    "met": own.filter { $0.met == true }.count, "count": own.count,
                    "indicators": own.map(values),
                ]
            },
            "metCount": findings.filter { $0.met == true }.count,
            "notMetCount": findings.filter { $0.met == false }.count,
            "openCount": findings.filter { $0.met == nil }.count,
            "mayAnswer": mayAnswer, "today": Day(Date()).dutch,
        ]
    }

    private func values(_ finding: InspectionAssessment.Finding) -> [String: Any] {
        let key = finding.indicator.key
        let failed = problem?.indicator == key
        let kept = { (name: String, fallback: String) in failed ? (form?.value(name) ?? fallback) : fallback }
        var values: [String: Any] = [
            "key": key, "title": text(finding.indicator.textKey),
            "isMet": finding.met == true, "isNotMet": finding.met == false, "isOpen": finding.met == nil,
            "recorded": finding.indicator.source == .recorded,
            "errors": (failed ? problem?.fields ?? [:] : [:]).mapValues(text), "failed": failed,
            "answeredOnInput": kept("answered_on", Day(Date()).dutch), "documentInput": kept("document", ""),
            "noteInput": kept("note", ""), "metYes": kept("met", "") == "yes", "metNo": kept("met", "") == "no",
        ]
        switch finding.evidence {
        case .figures(let key, let numbers):
            values["evidence"] =
                numbers.isEmpty ? text(key) : String(format: text(key), arguments: numbers.map { $0 as NSString })
        case .answer(let answer):
            values["evidence"] = String(
                format: text("inspection.evidence.answer"), answer.on.dutch,
                answer.document.isEmpty ? "—" : answer.document)
            values["note"] = answer.note
        case .missing:
            values["evidence"] = text("inspection.evidence.missing")
        }
        return values
    }
}
