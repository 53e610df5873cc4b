extension Store {
    /// API tokens (hashes only).
    public var tokens: Tokens { Tokens(store: self) }
}
