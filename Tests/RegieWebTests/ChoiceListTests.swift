import RegieCore
import Testing

@testable import RegieWeb

@Suite("ChoiceList")
struct ChoiceListTests {
    @Test("Options mark the chosen one selected and escape values and labels as a template would")
    func options() {
        let html = ChoiceList.options([
            Choice("a", "Gewoon"), Choice("b\"<", "Jansen & <Zn>", chosen: true), Choice("'c'", "O'Neill"),
        ]).renderText
        #expect(
            html == "<option value=\"a\">Gewoon</option>"
                + "<option value=\"b&quot;&lt;\" selected>Jansen &amp; &lt;Zn&gt;</option>"
                + "<option value=\"&#39;c&#39;\">O&#39;Neill</option>")
    }

    @Test("Checkboxes and radio buttons carry the field's name and mark the chosen ones checked")
    func boxes() {
        let choices = [Choice("1", "Ja", chosen: true), Choice("2", "Nee")]
        #expect(
            ChoiceList.checkboxes("worker", choices).renderText
                == "<label class=\"check\"><input type=\"checkbox\" name=\"worker\" value=\"1\" checked> Ja</label>"
                + "<label class=\"check\"><input type=\"checkbox\" name=\"worker\" value=\"2\"> Nee</label>")
        #expect(
            ChoiceList.radios("agreement", choices).renderText
                == "<label class=\"check\"><input type=\"radio\" name=\"agreement\" value=\"1\" checked> Ja</label>"
                + "<label class=\"check\"><input type=\"radio\" name=\"agreement\" value=\"2\"> Nee</label>")
        #expect(
            ChoiceList.radios("outcome", required: true, [Choice("close", "Afsluiten")]).renderText
                == "<label class=\"check\"><input type=\"radio\" name=\"outcome\" value=\"close\" required> Afsluiten</label>"
        )
        #expect(ChoiceList.options([]).renderText.isEmpty)
        let each = Choice.each(SignalUrgency.allCases, chosen: SignalUrgency.allCases[1].rawValue) { "~\($0.rawValue)" }
        #expect(each.map(\.value) == SignalUrgency.allCases.map(\.rawValue))
        #expect(each.map(\.chosen) == SignalUrgency.allCases.indices.map { $0 == 1 })
        #expect(each.allSatisfy { $0.label == "~\($0.value)" })
    }

    @Test("A template places the list unescaped inside its select; a label with markup stays text")
    func inTemplate() async throws {
        let views = try await Views.bundled()
        let html = views.fragment(
            "progress_form", locale: "nl",
            values: ["progressKinds": ChoiceList.options([Choice("talk", "<b>Gesprek</b>", chosen: true)])])
        #expect(html.contains("<option value=\"talk\" selected>&lt;b&gt;Gesprek&lt;/b&gt;</option>"))
    }
}
