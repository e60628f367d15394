import RegieCore

extension ListPage {
    /// The template values of a pager (`hasPages`, `pageOf`, `previousPage`, `nextPage`): `pageOf` is the
    /// translated "page n of m (total …)" text, and a link is only there when its page is (an empty address would
    /// still render as a link).
    func values(pageOf: String, total: Int, address: (Int) -> String) -> [String: Any] {
        var values: [String: Any] = [
            "hasPages": count > 1,
            "pageOf": Translations.filling(pageOf, with: [String(number), String(count), String(total)]),
        ]
        if let previous { values["previousPage"] = address(previous) }
        if let next { values["nextPage"] = address(next) }
        return values
    }
}
