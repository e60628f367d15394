import Foundation
import RegieCore

/// Reads the signal form into a `SignalDraft` and gives the values to show it again with the input kept.
struct SignalForm {
    /// Person rows on the form; a household with more members gets them added later in its file.
    static let personRows = 4

    let form: FormData

    /// Whether the reporter is an inhabitant rather than a professional of an institution.
    var fromInhabitant: Bool { form.value("from_inhabitant") == "on" }

    /// The chosen reporter when support staff enter a signal on someone's behalf.
    var reporterID: String? { form.value("reporter").flatMap { $0.isEmpty ? nil : $0 } }

    var draft: SignalDraft {
        SignalDraft(
            channel: SignalChannel(rawValue: form.value("channel") ?? "") ?? .form,
            persons: (0..<Self.personRows).compactMap(person),
            street: form.value("street") ?? "", houseNumber: form.value("house_number") ?? "",
            postcode: form.value("postcode") ?? "", city: form.value("city") ?? "",
            neighbourhood: form.value("neighbourhood") ?? "", noFixedAddress: form.value("no_fixed_address") == "on",
            concerns: form.all("concern"), description: form.text("description") ?? "",
            householdInformed: form.value("informed") != "no",
            notInformedReason: form.value("not_informed_reason") ?? "",
            origin: SignalOrigin(rawValue: form.value("origin") ?? "") ?? .environment,
            urgency: SignalUrgency(rawValue: form.value("urgency") ?? "") ?? .normal,
            crisis: form.value("crisis") == "on", trigger: form.value("trigger") ?? "",
            ownAttempt: form.value("own_attempt") ?? "")
    }

    /// A person row, or `nil` when the row was left empty.
    private func person(_ index: Int) -> SignalDraft.Person? {
        func field(_ name: String) -> String { form.value("person\(index)_\(name)") ?? "" }
        let unborn = field("unborn") == "on"
        guard unborn || !(field("given") + field("family") + field("birth") + field("bsn")).isEmpty else { return nil }
        let choice = field("choice")
        var person = SignalDraft.Person(
            givenName: field("given"), familyNamePrefix: field("prefix"), familyName: field("family"),
            birthDate: Day(field("birth")), unborn: unborn, bsn: field("bsn"),
            relation: MemberRelation(rawValue: field("relation")) ?? (index == 0 ? .parent : .other),
            existingPersonID: choice.isEmpty || choice == "new" ? nil : choice, confirmedNew: choice == "new")
        person.custody = Custody(rawValue: field("custody"))
        person.protectionMeasure = ProtectionMeasure(rawValue: field("measure"))
        person.placement = Placement(rawValue: field("placement"))
        return person
    }

    /// A birth date that was typed but could not be read is an error of its own.
    var unreadableBirthDates: [Int] {
        (0..<Self.personRows).filter { index in
            let text = form.value("person\(index)_birth") ?? ""
            return !text.isEmpty && Day(text) == nil
        }
    }
}
