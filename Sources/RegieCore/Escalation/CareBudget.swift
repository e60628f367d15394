import Foundation

/// Enschede's care-purchase budget (crisispotje, seed-000 §5.5): a yearly amount per network that the network
/// director may spend, through an escalation decided with the `care_budget` mandate, to buy care that is not
/// otherwise available. The balance is never stored: it is the year's amount minus what the decisions spent.
public struct CareBudget: Sendable, Hashable {
    /// A yearly amount as the administrator set it; a later setting for the same year replaces an earlier one.
    public struct Setting: Sendable, Hashable {
        public let year: Int
        public let amount: Euro
        public let setAt: Date
        public let byName: String

        public init(year: Int, amount: Euro, setAt: Date, byName: String) {
            self.year = year
            self.amount = amount
            self.setAt = setAt
            self.byName = byName
        }
    }

    /// One spending: the escalation decision that used the budget, on its day.
    public struct Spending: Sendable, Hashable {
        public let escalation: String
        public let household: HouseholdID
        public let on: Day
        public let amount: Euro
        public let byName: String

        public init(escalation: String, household: HouseholdID, on: Day, amount: Euro, byName: String) {
            self.escalation = escalation
            self.household = household
            self.on = on
            self.amount = amount
            self.byName = byName
        }
    }

    public let settings: [Setting]
    public let spendings: [Spending]

    public init(settings: [Setting], spendings: [Spending]) {
        self.settings = settings.sorted { $0.setAt < $1.setAt }
        self.spendings = spendings.sorted { ($0.on, $0.escalation) < ($1.on, $1.escalation) }
    }

    /// The amount set for `year`, the latest setting winning; `nil` when none was set.
    public func amount(in year: Int) -> Euro? { settings.last { $0.year == year }?.amount }

    /// The spendings in `year`, by the day of their decision.
    public func spendings(in year: Int) -> [Spending] { spendings.filter { $0.on.year == year } }

    /// What the decisions of `year` spent.
    public func spent(in year: Int) -> Euro { spendings(in: year).reduce(.zero) { $0 + $1.amount } }

    /// What is left in `year`; `nil` when no amount was set.
    public func balance(in year: Int) -> Euro? { amount(in: year).map { $0 - spent(in: year) } }

    /// The problem with spending `typed` on `day`, as a text key for the amount field; `nil` when it may be spent.
    /// A decision may not spend more than is left, nor from a year without a budget.
    public func spendingProblem(_ typed: String, on day: Day) -> (amount: Euro?, problem: String?) {
        guard let amount = Euro(dutch: typed), amount > .zero else {
            return (
                nil,
                typed.trimmingCharacters(in: .whitespaces).isEmpty
                    ? "error.budget_amount_required" : "error.amount_invalid"
            )
        }
        guard let balance = balance(in: day.year) else { return (amount, "error.budget_not_set") }
        return amount > balance ? (amount, "error.budget_exceeded") : (amount, nil)
    }

    /// The problem with a yearly amount an administrator types; it may not fall below what was spent already.
    public func settingProblem(_ typed: String, year: Int) -> (amount: Euro?, problem: String?) {
        guard let amount = Euro(dutch: typed), amount >= .zero else { return (nil, "error.amount_invalid") }
        guard (2000...2100).contains(year) else { return (amount, "error.year_invalid") }
        return amount < spent(in: year) ? (amount, "error.budget_below_spent") : (amount, nil)
    }
}
