import RegieCore
import Testing

/// The inspection indicators on the fixture: computed ✓/✗ with their evidence, recorded answers, open ones.
@Suite("Inspection self-assessment: indicators from data, answers from the network")
struct InspectionAssessmentTests {
    func assess(answers: [String: InspectionAssessment.RecordedAnswer] = [:]) -> [String: InspectionAssessment.Finding]
    {
        let assessment = InspectionAssessment(
            facts: ReportFixture.facts, period: ReportFixture.period, partnerKinds: [.police, .school],
            laddersArranged: true, answers: answers)
        return Dictionary(uniqueKeysWithValues: assessment.findings.map { ($0.indicator.key, $0) })
    }

    @Test("Computed indicators follow their thresholds")
    func computed() {
        let findings = assess()
        #expect(findings["one_director"]?.met == true)
        #expect(
            findings["one_director"]?.evidence == .figures(key: "inspection.evidence.one_director", values: ["2", "2"]))
        #expect(findings["one_plan"]?.met == false, "1 of 2 open cases has an adopted plan")
        #expect(findings["plan_complete"]?.met == false, "D's plan leaves a member or domain out")
        #expect(findings["own_words"]?.evidence == .figures(key: "inspection.evidence.own_words", values: ["1", "2"]))
        #expect(findings["own_words"]?.met == true, "1 of 2 plans = 50 %")
        #expect(findings["informal_network"]?.met == true, "1 of 2 = 50 %")
        #expect(findings["all_report"]?.met == false, "police and school: 2 kinds")
        #expect(findings["area_known"]?.met == false, "2 of 3 signals")
        #expect(findings["not_let_go"]?.met == false, "the refusing household has no recorded follow-up")
        #expect(findings["escalation_arranged"]?.met == true)
        #expect(findings["education_connected"]?.met == true)
        #expect(findings["care_continues"]?.met == false, "the one closure is a refusal")
        #expect(findings["aftercare_arranged"]?.met == true)
    }

    @Test("Recorded indicators are open until answered; the answer carries its date and document")
    func recorded() {
        #expect(assess()["cooperation_agreement"]?.met == nil)
        let answer = InspectionAssessment.RecordedAnswer(
            met: true, on: Day("01-02-2026")!, document: "Samenwerkingsconvenant 2026", note: "")
        let findings = assess(answers: ["cooperation_agreement": answer])
        #expect(
            findings["cooperation_agreement"]?.met == true
                && findings["cooperation_agreement"]?.evidence == .answer(answer))
        #expect(InspectionFramework.indicators.count == Set(InspectionFramework.indicators.map(\.key)).count)
        #expect(Set(InspectionFramework.indicators.map(\.theme)) == Set(InspectionFramework.Theme.allCases))
    }
}
