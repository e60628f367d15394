import Foundation
import RegieCore

/// The aftercare answer form, the same on the whole file and on a partner's own part.
enum AftercareForm {
    static func values(form: FormData?, text: (String) -> String) -> [String: Any] {
        let selected = form?.value("aftercare_answer") ?? ""
        return [
            "aftercareAnswers": ChoiceList.radios(
                "aftercare_answer",
                Choice.each(AftercareAnswer.allCases, chosen: selected) { text($0.textKey) }),
            "aftercareNoteInput": form?.value("aftercare_note") ?? "",
        ]
    }
}
