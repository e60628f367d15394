import Foundation
import RegieCore
import RegieStore

/// Case conferences on the case page (list and the form to call one) and on the conference's own page
/// (attendance, minutes and the work agreements that become commitments).
struct ConferenceView {
    let base: CaseView

    private var facts: CaseFacts { base.facts }
    private func text(_ key: String) -> String { base.text(key) }

    private func summary(_ meeting: MeetingStore.Meeting) -> [String: Any] {
        [
            "id": meeting.id, "at": DutchFormat.moment(meeting.scheduledAt), "place": meeting.place,
            "duration": meeting.durationMinutes, "chair": meeting.chairName, "lead": meeting.contentLeadName,
            "hasMinutes": !meeting.minutes.isEmpty, "hasParticipants": !meeting.participants.isEmpty,
            "minutes": meeting.minutes,
            "participants": meeting.participants.map { participant -> [String: Any] in
                [
                    "id": participant.id,
                    "name": participant.participant.kind == .member
                        ? ClientNumber.display(
                            name: participant.participant.name, person: participant.participant.reference,
                            pseudonymised: facts.profile.pseudonymised)
                        : participant.participant.name,
                    "kind": text(participant.participant.kind.textKey),
                    "attended": participant.attended.map { text($0 ? "conference.present" : "conference.absent") }
                        ?? "",
                    "checked": base.form.map { $0.all("attended").contains(participant.id) }
                        ?? (participant.attended ?? true),
                ]
            },
        ]
    }

    /// The list and the form to call a conference, for the case page.
    func values() -> [String: Any] {
        let invitesHousehold = ConferenceInvitation.invitesHousehold(
            profile: facts.profile, isFirstConference: facts.conferences.isEmpty)
        let workers = Set(base.form?.all("worker") ?? [])
        let members = base.form.map { Set($0.all("member")) } ?? (invitesHousehold ? Set(facts.members.map(\.id)) : [])
        let informal = Set(base.form?.all("informal") ?? [])
        let lead = facts.directors.current(.caseDirection)?.user.rawValue ?? ""
        return [
            "conferences": facts.conferences.reversed().map(summary),
            "hasConferences": !facts.conferences.isEmpty,
            "conferenceDay": base.kept("conference_day"), "conferenceTime": base.kept("conference_time", "10:00"),
            "conferenceDuration": base.kept("duration", "60"), "conferencePlace": base.kept("place"),
            "chairs": base.personOptions(selected: base.kept("chair")),
            "leads": base.personOptions(selected: base.kept("content_lead", lead)),
            "workerChoices": ChoiceList.checkboxes("worker", base.personChoices { workers.contains($0) }),
            "memberChoices": ChoiceList.checkboxes(
                "member",
                facts.members.map {
                    Choice($0.id, facts.memberNames[$0.id] ?? "—", chosen: members.contains($0.id))
                }),
            "informalChoices": ChoiceList.checkboxes(
                "informal",
                facts.informal.enumerated().filter { $0.element.kind.isPerson }
                    .map { index, entry in
                        Choice(
                            "\(index)", "\(entry.name) (\(text(entry.kind.textKey)))",
                            chosen: informal.contains("\(index)"))
                    }),
            "shellPartners": base.kept("shell_partners"),
            "householdInvited": invitesHousehold
                ? text("conference.household_invited_\(facts.profile.householdAtConference.rawValue)") : "",
        ]
    }

    /// The conference page: the meeting, attendance, minutes and its work agreements.
    func values(meeting: MeetingStore.Meeting) -> [String: Any] {
        var values = summary(meeting)
        values["minutesInput"] = base.kept("minutes", meeting.minutes)
        values["agreements"] = PlanView(base: base).commitments(goal: nil, all: true).enumerated()
            .filter { facts.commitments[$0.offset].meeting == meeting.id }.map(\.element)
        values["hasAgreements"] = !(values["agreements"] as! [[String: Any]]).isEmpty
        values["meetingId"] = meeting.id
        return values
    }
}
