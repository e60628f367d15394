import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// `POST /api/v1/signals`: a partner system brings in a signal for the token's user.
///
/// The same rules as the form apply. When a person may already be known, the answer is 409 with the
/// candidates; the client sends the signal again with `existingPersonId` or `confirmedNew` per person.
struct SignalApi {
    let app: WebApp

    /// The request body; everything but the essentials may be left out.
    struct Input: Decodable {
        struct Person: Decodable {
            var givenName: String?
            var familyNamePrefix: String?
            var familyName: String?
            var birthDate: String?
            var unborn: Bool?
            var bsn: String?
            var relation: MemberRelation?
            var existingPersonId: String?
            var confirmedNew: Bool?
            var custody: Custody?
            var protectionMeasure: ProtectionMeasure?
            var placement: Placement?
        }
        var network: String
        var fromInhabitant: Bool?
        var channel: SignalChannel?
        var persons: [Person]
        var street: String?
        var houseNumber: String?
        var postcode: String?
        var city: String?
        var neighbourhood: String?
        var noFixedAddress: Bool?
        var concerns: [String]
        var description: String
        var householdInformed: Bool?
        var notInformedReason: String?
        var origin: SignalOrigin?
        var urgency: SignalUrgency?
        var crisis: Bool?
        var trigger: String?
        var ownAttempt: String?

        var draft: SignalDraft {
            SignalDraft(
                channel: channel ?? .partnerSystem,
                persons: persons.map { p in
                    var person = SignalDraft.Person(
                        givenName: p.givenName ?? "", familyNamePrefix: p.familyNamePrefix ?? "",
                        familyName: p.familyName ?? "", birthDate: p.birthDate.flatMap(Day.init),
                        unborn: p.unborn ?? false, bsn: p.bsn ?? "", relation: p.relation ?? .other,
                        existingPersonID: p.existingPersonId, confirmedNew: p.confirmedNew ?? false)
                    person.custody = p.custody
                    person.protectionMeasure = p.protectionMeasure
                    person.placement = p.placement
                    return person
                },
                street: street ?? "", houseNumber: houseNumber ?? "", postcode: postcode ?? "", city: city ?? "",
                neighbourhood: neighbourhood ?? "", noFixedAddress: noFixedAddress ?? false, concerns: concerns,
                description: description, householdInformed: householdInformed ?? true,
                notInformedReason: notInformedReason ?? "", origin: origin ?? .environment,
                urgency: urgency ?? .normal, crisis: crisis ?? false, trigger: trigger ?? "",
                ownAttempt: ownAttempt ?? "")
        }
    }

    struct Created: Encodable { let signal: String, household: String, newHousehold: Bool }

    func register(_ routes: RecordedGroup) {
        routes.post("signals") { request, context in try await create(request, context) }
    }

    private func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let user = context.identity else { throw HTTPError(.unauthorized, message: "error.api_token_missing") }
        let input: Input
        do {
            input = try await request.decode(as: Input.self, context: context)
        } catch {
            throw HTTPError(.badRequest, message: "error.api_body_invalid")
        }
        // Only a network the user works in can take their signal: found among those kept with the user's frame.
        guard let networkID = NetworkID(validating: input.network),
            let network = try await app.networks(of: user).first(where: { $0.id == networkID }),
            AccessPolicy.mayUse(.signal, roles: user.actor.roles(in: network.id))
        else { throw HTTPError(.forbidden, message: "error.forbidden") }
        let t = app.views.translations
        let outcome = try await SignalService(app: app).submit(
            draft: input.draft, fromInhabitant: input.fromInhabitant ?? false, reporter: user.actor,
            enteredBy: user.account.id, network: network, requestID: context.requestID)
        switch outcome {
        case .invalid(let problems):
            return ApiError.response(
                status: .unprocessableContent, message: t.text("signal.check_fields", context.locale),
                requestID: context.requestID, details: ["fields": problems.mapValues { t.text($0, context.locale) }])
        case .needsIdentityChoice(let candidates):
            let list = candidates.sorted { $0.key < $1.key }.flatMap { index, found in
                found.map { candidate -> [String: String] in
                    [
                        "person": String(index), "personId": candidate.personID, "name": candidate.name,
                        "birthDate": candidate.birthDate?.iso ?? "", "household": candidate.householdReference ?? "",
                    ]
                }
            }
            return ApiError.response(
                status: .conflict, message: t.text("signal.known_intro", context.locale), requestID: context.requestID,
                details: ["candidates": list])
        case .recorded(let recorded):
            var response = try JSONEncoder().encodeResponse(
                Created(
                    signal: recorded.signalID, household: recorded.household.rawValue,
                    newHousehold: recorded.newHousehold))
            response.status = .created
            return response
        }
    }
}

extension JSONEncoder {
    /// A JSON response with sorted keys.
    func encodeResponse(_ value: some Encodable) throws -> Response {
        outputFormatting = [.sortedKeys]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encode(value))))
    }
}
