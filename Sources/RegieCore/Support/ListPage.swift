/// One page of a long list (the case list of a region's network runs into the thousands): which part to show
/// and where the neighbours are. Pages count from 1; a page past the end shows the last one.
public struct ListPage: Sendable, Equatable {
    public let number: Int
    public let count: Int
    public let range: Range<Int>

    /// The page `asked` (as typed in the address; anything unreadable is page 1) of `total` items, `size` per page.
    public init(asked: String?, total: Int, size: Int) {
        count = max(1, (total + size - 1) / size)
        number = min(max(1, asked.flatMap { Int($0) } ?? 1), count)
        range = min(total, (number - 1) * size)..<min(total, number * size)
    }

    public var previous: Int? { number > 1 ? number - 1 : nil }
    public var next: Int? { number < count ? number + 1 : nil }
}
