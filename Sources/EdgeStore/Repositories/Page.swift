/// One page of a list. `nextPageToken` is nil on the last page.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let nextPageToken: String?

    public init(items: [Item], nextPageToken: String?) {
        self.items = items
        self.nextPageToken = nextPageToken
    }
}

extension Page: Equatable where Item: Equatable {}
