import Foundation
import Testing

@testable import RegieCore

@Suite("Care-purchase budget: amounts in Dutch, the balance derived, overspending refused")
struct CareBudgetTests {
    @Test("Dutch amounts are read as a spreadsheet would, and shown with thousands points")
    func euro() {
        #expect(Euro(dutch: "1250")?.cents == 125_000)
        #expect(Euro(dutch: "1.250,5")?.cents == 125_050)
        #expect(Euro(dutch: "€ 12.500,05")?.cents == 1_250_005)
        #expect(Euro(dutch: "0,99")?.cents == 99)
        for wrong in ["", "abc", "1,234", "12.50", "1.2345", "1,2,3", "١٢"] {
            #expect(Euro(dutch: wrong) == nil, "\(wrong) is refused, not guessed")
        }
        #expect(Euro(cents: 1_250_005).dutch == "€ 12.500,05")
        #expect(Euro(cents: 5).dutch == "€ 0,05")
        #expect(Euro(cents: -2500).dutch == "-€ 25,00")
        #expect(Euro(cents: 100_000_000).typed == "1.000.000,00")
    }

    private let household = HouseholdID()

    private func budget(spent: [(String, Int)] = []) -> CareBudget {
        CareBudget(
            settings: [
                .init(year: 2026, amount: Euro(cents: 500_000), setAt: Date(timeIntervalSince1970: 1), byName: "Bram"),
                .init(
                    year: 2026, amount: Euro(cents: 1_000_000), setAt: Date(timeIntervalSince1970: 2), byName: "Bram"),
                .init(year: 2025, amount: Euro(cents: 300_000), setAt: Date(timeIntervalSince1970: 3), byName: "Bram"),
            ],
            spendings: spent.enumerated().map { index, spending in
                .init(
                    escalation: "e\(index)", household: household, on: Day(spending.0)!,
                    amount: Euro(cents: spending.1), byName: "Teun")
            })
    }

    @Test("The latest amount for a year wins; the balance is that amount minus the year's spendings")
    func balance() {
        let budget = budget(spent: [("2026-02-03", 250_000), ("2026-06-30", 125_050), ("2025-12-31", 100_000)])
        #expect(budget.amount(in: 2026) == Euro(cents: 1_000_000))
        #expect(budget.spent(in: 2026) == Euro(cents: 375_050))
        #expect(budget.balance(in: 2026) == Euro(cents: 624_950))
        #expect(budget.balance(in: 2025) == Euro(cents: 200_000), "a spending counts in the year of its decision")
        #expect(budget.balance(in: 2027) == nil, "no amount set, no balance")
    }

    @Test("A decision may spend what is left, not more, and not from a year without a budget")
    func spending() {
        let budget = budget(spent: [("2026-02-03", 900_000)])
        #expect(budget.spendingProblem("1.000", on: Day("2026-03-01")!).problem == nil)
        #expect(budget.spendingProblem("1.000,01", on: Day("2026-03-01")!).problem == "error.budget_exceeded")
        #expect(budget.spendingProblem("10", on: Day("2027-01-04")!).problem == "error.budget_not_set")
        #expect(budget.spendingProblem("", on: Day("2026-03-01")!).problem == "error.budget_amount_required")
        #expect(budget.spendingProblem("0", on: Day("2026-03-01")!).problem == "error.amount_invalid")
        #expect(budget.spendingProblem("twintig", on: Day("2026-03-01")!).problem == "error.amount_invalid")
    }

    @Test("A yearly amount cannot fall below what the year spent already")
    func setting() {
        let budget = budget(spent: [("2026-02-03", 900_000)])
        #expect(budget.settingProblem("8.999,99", year: 2026).problem == "error.budget_below_spent")
        #expect(budget.settingProblem("9.000", year: 2026).problem == nil)
        #expect(budget.settingProblem("9.000", year: 2027).problem == nil)
        #expect(budget.settingProblem("9.000", year: 26).problem == "error.year_invalid")
        #expect(budget.settingProblem("-5", year: 2026).problem == "error.amount_invalid")
    }
}
