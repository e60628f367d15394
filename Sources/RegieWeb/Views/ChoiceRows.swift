/// The rows of a long choice on a form — a select's options or a group of check boxes — as HTML. The people of a
/// network (up to fifty per list in a region, four lists on a case page), its organisations and the other networks
/// made the case page's largest part: a few hundred rows, each three Mustache lookups through the section stack.
/// The rows follow from the choices and what is selected alone, so the same lists are rendered once
/// (`WebApp.choiceRows`) and every case of a network reuses them.
struct ChoiceRows: Hashable, Sendable {
    /// How the rows are shown, named by their template.
    enum Form: String, Sendable {
        /// `<option>` rows inside a `<select>` that the page writes itself, with its own empty first option.
        case options = "choice_options"
        /// Check boxes, each with its label, all named `name`.
        case checkBoxes = "choice_checks"
    }

    /// One thing to choose: the value sent and the label shown.
    struct Choice: Hashable, Sendable {
        let value: String
        let label: String
    }

    let form: Form
    /// The field name of the check boxes; unused for options, whose `<select>` carries it.
    let name: String
    let choices: [Choice]
    let selected: Set<String>

    init(_ form: Form, name: String = "", choices: [Choice], selected: Set<String>) {
        self.form = form
        self.name = name
        self.choices = choices
        self.selected = selected
    }

    /// Options with at most one selected value (`""` selects none).
    static func options(_ choices: [Choice], selected: String) -> ChoiceRows {
        ChoiceRows(.options, choices: choices, selected: selected.isEmpty ? [] : [selected])
    }

    /// The rows, rendered the first time this key is seen. They hold no translated text, so one rendering serves
    /// every language.
    func html(app: WebApp) -> String {
        app.choiceRows.html(for: self) {
            let rows = choices.map { choice -> [String: Any] in
                ["value": choice.value, "label": choice.label, "selected": selected.contains(choice.value)]
            }
            return app.views.fragment(form.rawValue, locale: "nl", values: ["choices": rows, "name": name])
        }
    }
}
