public struct ColumnSchema: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
    public var isEphemeral: Bool
    public var isMutable: Bool

    public init(name: String, type: ColumnType, isEphemeral: Bool = false, isMutable: Bool = true) {
        self.name = name
        self.type = type
        self.isEphemeral = isEphemeral
        self.isMutable = isMutable
    }
}
