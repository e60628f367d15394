import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import Testing

@testable import RegieWeb

@Suite("Choice rows")
struct ChoiceRowsTests {
    static let people = [
        ChoiceRows.Choice(value: "u1", label: "Anna de Vries — GGD"),
        ChoiceRows.Choice(value: "u2", label: "Bram & Co <Wijkteam>"),
        ChoiceRows.Choice(value: "u3", label: "Cor Jansen — Politie"),
    ]

    @Test("Options and check boxes follow from the choices and the selection, escaped, and are rendered once")
    func rows() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let app = try await WebApp(database: db, configuration: RegieConfiguration())
            let none = ChoiceRows.options(Self.people, selected: "").html(app: app)
            #expect(none.components(separatedBy: "<option ").count == 4)
            #expect(!none.contains("selected"))
            #expect(none.contains(#"<option value="u2">Bram &amp; Co &lt;Wijkteam&gt;</option>"#))
            let second = ChoiceRows.options(Self.people, selected: "u2").html(app: app)
            #expect(second.contains(#"<option value="u2" selected>"#))
            #expect(second.components(separatedBy: " selected>").count == 2, "one option selected")
            let boxes = ChoiceRows(.checkBoxes, name: "worker", choices: Self.people, selected: ["u1", "u3"])
                .html(app: app)
            #expect(boxes.components(separatedBy: #"type="checkbox" name="worker""#).count == 4)
            #expect(boxes.contains(#"value="u1" checked>"#) && boxes.contains(#"value="u3" checked>"#))
            #expect(!boxes.contains(#"value="u2" checked"#))
            #expect(app.choiceRows.count == 3)
            #expect(ChoiceRows.options(Self.people, selected: "u2").html(app: app) == second)
            #expect(app.choiceRows.count == 3, "the same choices and selection again are the kept text")
            let renamed = [ChoiceRows.Choice(value: "u1", label: "Anna de Vries — Wijkteam")] + Self.people.dropFirst()
            #expect(ChoiceRows.options(renamed, selected: "").html(app: app).contains("Anna de Vries — Wijkteam"))
            #expect(app.choiceRows.count == 4, "a changed label is another key, never the old text")
        }
    }
}
