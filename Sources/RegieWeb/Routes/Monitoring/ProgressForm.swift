import Foundation
import RegieCore

/// The progress form, the same on the whole file and on a partner's own part. Who directs the case (the policy's
/// `decide`) also records the progress talk and the report and may flag a deviation; a partner notes progress
/// and contacts.
enum ProgressForm {
    static func values(form: FormData?, directs: Bool, text: (String) -> String) -> [String: Any] {
        let kept = { (name: String, fallback: String) in form?.value(name) ?? fallback }
        let selected = kept("progress_kind", directs ? ProgressEntry.Kind.talk.rawValue : "contact")
        return [
            "mayFlagDeviation": directs,
            "progressKinds": ChoiceList.options(
                Choice.each(ProgressEntry.Kind.allCases.filter { directs || !$0.isDirectors }, chosen: selected) {
                    text($0.textKey)
                }),
            "progressOn": kept("progress_on", Day(Date()).dutch), "withWhomInput": kept("with_whom", ""),
            "progressTextInput": kept("progress_text", ""), "deviationChecked": kept("deviation", "") == "yes",
        ]
    }
}
