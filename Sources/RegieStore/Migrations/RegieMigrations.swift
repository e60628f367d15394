import FluentKit

/// Every schema change, in the order it must run. New capabilities append; nothing is ever edited.
enum RegieMigrations {
    static let all: [any Migration] = [
        M001Foundation(),
        M002Signals(),
        M003InformationRound(),
        M004CaseWork(),
        M005Monitoring(),
        M006Handover(),
        M007Consent(),
        M008BreakGlassReview(),
        M009Retention(),
        M010Reports(),
        M011PolicySignals(),
        M012FamilyLevels(),
        M013CareBudget(),
        M014ProfileOverrides(),
        M015ReferenceIndex(),
        M016FactVersion(),
        M017FactVersionIndex(),
        M018PlanHouseholdIndex(),
        M019AccessLogSets(),
        M020DirectoryVersion(),
        M021FactChangeMarks(),
        M022ClosedCommitmentsEnded(),
        M023NetworkStamps(),
        M024AccessSetDifferences(),
    ]
}
