import Foundation
import RegieCore

/// The aftercare answer form, the same on the whole file and on a partner's own part.
enum AftercareForm {
    static func values(form: FormData?, text: (String) -> String) -> [String: Any] {
        let selected = form?.value("aftercare_answer") ?? ""
        return [
            "aftercareAnswers": AftercareAnswer.allCases.map { answer in
                ["value": answer.rawValue, "label": text(answer.textKey), "selected": answer.rawValue == selected]
            },
            "aftercareNoteInput": form?.value("aftercare_note") ?? "",
        ]
    }
}
