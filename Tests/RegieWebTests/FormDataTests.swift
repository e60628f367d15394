import Testing

@testable import RegieWeb

@Suite("Form input: what a form field gives the rest of Regie")
struct FormDataTests {
    @Test("Control characters are dropped, tabs and line breaks kept, the rest as typed")
    func controlCharacters() {
        let form = FormData(body: "note=a%00b%07c%1B%5B31md%C2%85e%0Af%09g&concern=wo%00nen&password=%20x%00")
        #expect(form.value("note") == "abc[31mde\nf\tg")
        #expect(form.all("concern") == ["wonen"])
        #expect(FormData(body: "d=+++ingesprongen%00").text("d") == "   ingesprongen", "text keeps indentation")
        #expect(form.raw("password") == " x\u{0}", "a password is taken as sent")
    }

    @Test("Markup, SQL and broken encodings stay text")
    func literalText() {
        let form = FormData(body: "a=%3Cscript%3E&b=%27%3B+DROP+TABLE+signals%3B--&c=%FF%FE&d=%E2%80%AEtxet")
        #expect(form.value("a") == "<script>")
        #expect(form.value("b") == "'; DROP TABLE signals;--")
        #expect(form.value("c") == "%FF%FE", "an undecodable value is kept as sent, not lost")
        #expect(form.value("d") == "\u{202E}txet")
    }
}
