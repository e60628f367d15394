/// How long a free text in Regie may be: a signal's description, a plan's context, a note, minutes. Long enough for
/// what a professional writes down, short enough to keep a pasted document (or a client sending megabytes) out of the
/// file. The forms say so with `maxlength`; the server holds to it for any client.
public enum TextLimit {
    /// The most characters a free text may hold.
    public static let characters = 10_000

    /// Whether `text` is within the limit.
    public static func allows(_ text: String) -> Bool { text.count <= characters }
}
