import Foundation
import RegieCore

/// The values of the care-budget page: the year's amount, spent and balance, the decisions that spent it (with a
/// link to the case for directors), the history of amounts set and the form for the municipality.
struct CareBudgetView {
    let app: WebApp
    let context: AppRequestContext
    let network: Network
    let year: Int
    let budget: CareBudget
    let references: [HouseholdID: String]
    let form: FormData?
    let problems: [String: String]

    private func text(_ key: String) -> String { app.views.translations.text(key, context.locale) }

    func values() -> [String: Any] {
        let roles = context.identity?.actor.roles(in: network.id) ?? []
        let amount = budget.amount(in: year)
        let balance = budget.balance(in: year)
        let mayOpenCases = AccessPolicy.mayUse(.figureCases, roles: roles)
        return [
            "networkName": network.name, "year": year, "previousYear": year - 1, "nextYear": year + 1,
            "usesBudget": app.profiles.profile(for: network)?.mandates.careBudget ?? false,
            "hasAmount": amount != nil, "amount": amount?.dutch ?? "", "spent": budget.spent(in: year).dutch,
            "balance": balance?.dutch ?? "",
            "spendings": budget.spendings(in: year).reversed().map { spending -> [String: Any] in
                [
                    "day": spending.on.dutch, "amount": spending.amount.dutch, "by": spending.byName,
                    "reference": references[spending.household] ?? "", "caseId": spending.household.rawValue,
                    "mayOpen": mayOpenCases,
                ]
            },
            "hasSpendings": !budget.spendings(in: year).isEmpty,
            "settings": budget.settings.reversed().map { setting -> [String: Any] in
                [
                    "year": setting.year, "amount": setting.amount.dutch, "by": setting.byName,
                    "at": DutchFormat.moment(setting.setAt),
                ]
            },
            "hasSettings": !budget.settings.isEmpty,
            "maySet": AccessPolicy.mayUse(.setCareBudget, roles: roles),
            "yearInput": form?.value("year") ?? String(year),
            "amountInput": form?.value("amount") ?? amount?.typed ?? "",
            "errors": problems.mapValues(text),
        ]
    }
}
