import Mustache

/// One choice on a form: an `<option>` of a select, a checkbox or a radio button.
struct Choice: Sendable {
    let value: String
    let label: String
    /// Selected (an option) or checked (a checkbox or radio button).
    let chosen: Bool

    init(_ value: String, _ label: String, chosen: Bool = false) {
        self.value = value
        self.label = label
        self.chosen = chosen
    }

    /// Every case of `all` as a choice, by its raw value, the one whose raw value is `chosen` chosen.
    static func each<T: RawRepresentable>(_ all: [T], chosen: String, label: (T) -> String) -> [Choice]
    where T.RawValue == String {
        all.map { Choice($0.rawValue, label($0), chosen: $0.rawValue == chosen) }
    }
}

/// A form's choices as HTML, placed with `{{{…}}}` inside the `<select>` or the fieldset. The case page has some 350
/// choices, and a Mustache loop looks up each choice's value, label and state through its context stack with a
/// handful of dynamic casts per lookup: a quarter of the page's time at region scale (issue 9). Values and labels
/// are escaped as every `{{value}}` is.
struct ChoiceList: MustacheCustomRenderable {
    /// The markup around the choices: options, or checkboxes or radio buttons named for the form field.
    enum Kind {
        case options
        case checkboxes(name: String)
        case radios(name: String, required: Bool)
    }

    let kind: Kind
    let choices: [Choice]

    /// `<option>`s for a `<select>`.
    static func options(_ choices: [Choice]) -> ChoiceList { ChoiceList(kind: .options, choices: choices) }

    /// Checkboxes, each in its label, all sending field `name`.
    static func checkboxes(_ name: String, _ choices: [Choice]) -> ChoiceList {
        ChoiceList(kind: .checkboxes(name: name), choices: choices)
    }

    /// Radio buttons, each in its label, all answering field `name`; `required` when the form needs an answer.
    static func radios(_ name: String, required: Bool = false, _ choices: [Choice]) -> ChoiceList {
        ChoiceList(kind: .radios(name: name, required: required), choices: choices)
    }

    /// Never a null: an empty list renders nothing.
    var isNull: Bool { false }

    var renderText: String {
        var html = ""
        html.reserveCapacity(choices.count * 48)
        for choice in choices {
            let value = HTMLEscaping.escape(choice.value)
            let label = HTMLEscaping.escape(choice.label)
            switch kind {
            case .options:
                html += "<option value=\"\(value)\"\(choice.chosen ? " selected" : "")>\(label)</option>"
            case .checkboxes(let name):
                html += Self.box("checkbox", name: name, value: value, label: label, chosen: choice.chosen)
            case .radios(let name, let required):
                html += Self.box(
                    "radio", name: name, value: value, label: label, chosen: choice.chosen, required: required)
            }
        }
        return html
    }

    /// One checkbox or radio button in its label; `value` and `label` are escaped already.
    private static func box(
        _ type: String, name: String, value: String, label: String, chosen: Bool, required: Bool = false
    ) -> String {
        "<label class=\"check\"><input type=\"\(type)\" name=\"\(HTMLEscaping.escape(name))\" value=\"\(value)\""
            + "\(chosen ? " checked" : "")\(required ? " required" : "")> \(label)</label>"
    }
}
