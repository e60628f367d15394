/// The client number that stands in for a person's name where a network works pseudonymised (Leeuwarden: "client
/// numbers instead of names", seed-000 §4). Derived from the person's id, so it is stable, needs no register, and
/// reveals nothing about the person.
public enum ClientNumber {
    /// "K-3F9A2C" for a person id.
    public static func of(_ person: String) -> String {
        "K-" + person.filter(\.isHexDigit).prefix(6).uppercased()
    }

    /// The name to show for a person in lists, agendas and minutes of a network.
    public static func display(name: String, person: String, pseudonymised: Bool) -> String {
        pseudonymised ? of(person) : name
    }
}
