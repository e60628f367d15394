import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The access report a household member can ask for (NEN 7513, AVG art. 15): who looked at or changed their
/// data, when, from which organisation and on which basis — as a printable page and as CSV for Dutch Excel.
/// Producing it is an `export` on the household, logged like every other access.
struct AccessReportRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.get("cases/:id/members/:person/access-report") { _, context in try await page(context) }
        routes.get("cases/:id/members/:person/access-report.csv") { _, context in try await csv(context) }
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
