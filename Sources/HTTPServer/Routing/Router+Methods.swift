import HTTPTypes

extension Router {
    public mutating func get(_ pattern: String, bodyLimit: Int? = nil, inline: Bool = false, _ handler: @escaping Handler) {
        on(.get, pattern, bodyLimit: bodyLimit, inline: inline, handler)
    }

    public mutating func head(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        on(.head, pattern, bodyLimit: bodyLimit, handler)
    }

    public mutating func post(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        on(.post, pattern, bodyLimit: bodyLimit, handler)
    }

    public mutating func put(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        on(.put, pattern, bodyLimit: bodyLimit, handler)
    }

    public mutating func patch(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        on(.patch, pattern, bodyLimit: bodyLimit, handler)
    }

    public mutating func delete(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        on(.delete, pattern, bodyLimit: bodyLimit, handler)
    }

    public mutating func options(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        on(.options, pattern, bodyLimit: bodyLimit, handler)
    }
}
