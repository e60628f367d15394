import Foundation
import RegieCore
import RegieStore

/// The values of the register page: the period form, the category × network table for the municipality, how the
/// signals were answered, the form to raise one (from a case or not) and the list with its answer forms.
struct PolicySignalView {
    let app: WebApp
    let context: AppRequestContext
    let loaded: PolicySignalRoutes.Register
    let origin: AccessGrant?
    let originReference: String?
    let problem: PolicySignalRoutes.Problem?

    private func text(_ key: String) -> String { app.views.translations.text(key, context.locale) }

    private func roles(_ network: NetworkID) -> Set<Role> { context.identity?.actor.roles(in: network) ?? [] }

    /// The value typed in the form sent back for `target`, else `fallback`.
    private func kept(_ target: String, _ name: String, _ fallback: String = "") -> String {
        problem?.target == target ? problem?.form.value(name) ?? fallback : fallback
    }

    private func errors(_ target: String) -> [String: String] {
        problem?.target == target ? problem!.fields.mapValues(text) : [:]
    }

    func values() -> [String: Any] {
        let register = loaded.register
        let names = Dictionary(uniqueKeysWithValues: loaded.networks.map { ($0.id, $0.name) })
        let raiseNetwork = origin?.context.network ?? loaded.current?.id
        let mayRaise = raiseNetwork.map { AccessPolicy.mayUse(.raisePolicySignal, roles: roles($0)) } ?? false
        let cell = { (count: PolicySignalRegister.Count) in
            count.raised == 0 ? "0" : String(format: text("policy_signals.raised_open"), count.raised, count.open)
        }
        var values = loaded.query.formValues(action: "/policy-signals", translate: text)
        let answerCounts = register.answers
        values["networkNames"] = loaded.networks.map(\.name).joined(separator: ", ")
        values["query"] = loaded.query.string
        values["networkHeads"] = loaded.networks.map(\.name)
        let categories: [PolicySignal.Category?] = PolicySignal.Category.allCases.map { $0 } + [nil]
        values["categoryRows"] = categories.map { category -> [String: Any] in
            [
                "label": category.map { text($0.textKey) } ?? text("figures.total"), "isTotal": category == nil,
                "cells": loaded.networks.map { cell(register.count(category, in: $0.id)) },
                "total": cell(register.count(category)),
            ]
        }
        let answers: [PolicySignal.Answer?] = [nil] + PolicySignal.Answer.allCases.map { $0 }
        values["answerCounts"] = answers.map { answer -> [String: Any] in
            ["label": text(answer?.textKey ?? "policy_signal.answer.none"), "count": answerCounts[answer] ?? 0]
        }
        values["mayRaise"] = mayRaise
        values["raiseNetwork"] = raiseNetwork.flatMap { names[$0] } ?? ""
        values["originId"] = origin?.context.household.rawValue ?? ""
        values["hasOrigin"] = origin != nil
        values["originReference"] = originReference ?? ""
        values["categories"] = ChoiceList.options(
            Choice.each(PolicySignal.Category.allCases, chosen: kept("new", "category")) { text($0.textKey) })
        values["descriptionInput"] = kept("new", "description")
        // The period form and the new signal's form share the page's `errors` (different field names).
        values["errors"] = loaded.query.problems.mapValues(text).merging(errors("new")) { period, _ in period }
        values["hasSignals"] = !register.signals.isEmpty
        values["signals"] = register.signals.map { signal(names: names, $0) }
        return values
    }

    private func signal(names: [NetworkID: String], _ signal: PolicySignal) -> [String: Any] {
        let mayOpenCase = AccessPolicy.mayUse(.figureCases, roles: roles(signal.network))
        return [
            "id": signal.id, "raisedOn": signal.raisedOn.dutch, "network": names[signal.network] ?? "",
            "category": text(signal.category.textKey), "source": text("policy_signal.source.\(signal.source.rawValue)"),
            "description": signal.description.isEmpty ? text("policy_signals.purged") : signal.description,
            "raisedBy": signal.raisedByName,
            "caseLink": mayOpenCase ? signal.household.map { "/cases/\($0.rawValue)" } ?? "" : "",
            "hasCaseLink": mayOpenCase && signal.household != nil,
            "isOpen": signal.isOpen, "hasResponse": signal.response != nil,
            "answer": text(signal.response?.answer.textKey ?? "policy_signal.answer.none"),
            "answeredOn": signal.response?.on.dutch ?? "", "answeredBy": signal.response?.byName ?? "",
            "answerNote": signal.response?.note ?? "", "hasAnswerNote": !(signal.response?.note.isEmpty ?? true),
            "mayAnswer": AccessPolicy.mayUse(.answerPolicySignal, roles: roles(signal.network)),
            "answerOptions": ChoiceList.options(
                Choice.each(
                    PolicySignal.Answer.allCases,
                    chosen: kept(signal.id, "answer", signal.response?.answer.rawValue ?? "")
                ) { text($0.textKey) }),
            "answeredOnInput": kept(signal.id, "answered_on", Day(Date()).dutch),
            "noteInput": kept(signal.id, "note"), "answerErrors": errors(signal.id),
            "answerOpen": problem?.target == signal.id,
        ]
    }
}
