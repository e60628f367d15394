import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// What a household member can ask for (NEN 7513, AVG art. 15 and 20): the access report — who looked at or
/// changed their data, when, from which organisation and on which basis — as a printable page and as CSV for
/// Dutch Excel; and all data about them as readable HTML and as JSON. Each is an `export` on the household,
/// logged like every other access.
struct AccessReportRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("cases/:id/members/:person/access-report") { _, context in try await page(context) }
        routes.get("cases/:id/members/:person/access-report.csv") { _, context in try await csv(context) }
        routes.get("cases/:id/members/:person/export") { _, context in try await exportPage(context) }
        routes.get("cases/:id/members/:person/export.json") { _, context in try await exportJSON(context) }
    }

    /// All data about the member in the path, read under one `export` grant.
    private func subjectExport(_ context: AppRequestContext) async throws -> SubjectExport {
        let grant = try await CaseService(app: app).grant(.export, context)
        let db = app.database.sql
        let person = try context.parameters.require("person")
        guard let member = try await HouseholdStore.members(grant, on: db).first(where: { $0.id == person }) else {
            throw HTTPError(.notFound, message: "error.not_found")
        }
        let t = app.views.translations
        let text = { (key: String) in t.text(key, context.locale) }
        var signals: [SubjectExport.Signal] = []
        for summary in try await SignalStore.summaries(grant, on: db) {
            guard let detail = try await SignalStore.detail(summary.id, grant: grant, on: db) else { continue }
            signals.append(
                SubjectExport.Signal(
                    received: DutchFormat.moment(summary.receivedAt), channel: text(detail.channel.textKey),
                    reporterOrganisation: summary.reporterOrganisation, description: detail.description))
        }
        return SubjectExport.of(
            member, bsn: try await HouseholdStore.bsn(of: person, grant: grant, on: db),
            facts: try await CaseFacts.load(grant, app: app), signals: signals,
            access: try await AccessLogStore.report(person: person, grant: grant, on: db), text: text)
    }

    private func exportJSON(_ context: AppRequestContext) async throws -> Response {
        let export = try await subjectExport(context)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json; charset=utf-8",
                .contentDisposition: "attachment; filename=\"gegevens-\(export.household).json\"",
            ],
            body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(export))))
    }

    private func exportPage(_ context: AppRequestContext) async throws -> Response {
        let export = try await subjectExport(context)
        // The page shows exactly what the JSON holds: the same encoding, read back as template values.
        var values = try JSONSerialization.jsonObject(with: JSONEncoder().encode(export)) as? [String: Any] ?? [:]
        values["caseId"] = try context.parameters.require("id")
        values["personId"] = try context.parameters.require("person")
        return app.views.render(
            "subject_export", page: try await app.page("subject_export.title", context), values: values)
    }

    /// The report's lines in words, for the member of the grant's household named in the path.
    private func report(_ context: AppRequestContext) async throws -> (
        member: HouseholdStore.Member, reference: String, lines: [[String]]
    ) {
        let grant = try await CaseService(app: app).grant(.export, context)
        let db = app.database.sql
        let person = try context.parameters.require("person")
        guard let member = try await HouseholdStore.members(grant, on: db).first(where: { $0.id == person }) else {
            throw HTTPError(.notFound, message: "error.not_found")
        }
        let t = app.views.translations
        let lines = try await AccessLogStore.report(person: person, grant: grant, on: db).map { line -> [String] in
            [
                DutchFormat.moment(Date(millis: line.occurredAt)), line.userName, line.organisationName,
                t.text("access_action.\(line.action)", context.locale),
                t.text("access_rule.\(line.rule)", context.locale),
                line.breakGlass
                    ? t.text("access_report.break_glass_yes", context.locale) + ": "
                        + (line.breakGlassReason ?? "") : "",
            ]
        }
        return (member, try await HouseholdStore.reference(grant, on: db), lines)
    }

    private func page(_ context: AppRequestContext) async throws -> Response {
        let (member, reference, lines) = try await report(context)
        return app.views.render(
            "access_report", page: try await app.page("access_report.title", context),
            values: [
                "name": member.name, "birth": member.birthDate?.dutch ?? "—", "reference": reference,
                "caseId": try context.parameters.require("id"), "person": member.id,
                "lines": lines.map { ["cells": $0] }, "hasLines": !lines.isEmpty, "count": lines.count,
                "printed": DutchFormat.moment(Date()),
            ])
    }

    private func csv(_ context: AppRequestContext) async throws -> Response {
        let (_, reference, lines) = try await report(context)
        let t = app.views.translations
        let header = ["when", "who", "organisation", "what", "basis", "break_glass"].map {
            t.text("access_report.column_\($0)", context.locale)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"inzage-\(reference).csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: DutchCSV.document(header: header, rows: lines))))
    }
}
