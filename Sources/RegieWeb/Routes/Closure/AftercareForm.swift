import Foundation
import RegieCore

/// The aftercare answer form, the same on the whole file and on a partner's own part.
enum AftercareForm {
    static func values(form: FormData?, text: (String) -> String) -> [String: Any] {
        let selected = form?.value("aftercare_answer") ?? ""
        return [
            "aftercareAnswers": ChoiceList.radios(
                "aftercare_answer",
                AftercareAnswer.allCases.map { Choice($0.rawValue, text($0.textKey), chosen: $0.rawValue == selected) }),
            "aftercareNoteInput": form?.value("aftercare_note") ?? "",
        ]
    }
}
