/// What the connected OVN Northbound schema lets ovn-edge write. Decided from the schema's
/// enums and columns (not only from the version), so a back-ported change is seen too.
public struct NorthboundCapabilities: Sendable, Hashable {
    public let version: SchemaVersion?
    /// Mirror `filter: both` (NB 7.0.4 / OVN 23.06 on); otherwise "both" needs two rows.
    public let mirrorFilterBoth: Bool
    /// Mirror `type: local` (NB 7.0.4 on).
    public let mirrorTypeLocal: Bool
    /// NAT `match` and `priority` columns (NB 7.4 / OVN 24.09 on).
    public let natMatchAndPriority: Bool
    /// Mirror types the schema accepts, e.g. ["erspan", "gre"].
    public let mirrorTypes: Set<String>

    public init(schema: DatabaseSchema) {
        version = schema.version
        mirrorFilterBoth = schema.allows("both", in: "Mirror", column: "filter")
        mirrorTypeLocal = schema.allows("local", in: "Mirror", column: "type")
        natMatchAndPriority = schema.hasColumn("match", in: "NAT") && schema.hasColumn("priority", in: "NAT")
        mirrorTypes = Set(schema["Mirror"]?["type"]?.type.key.enumeration?.compactMap(\.string) ?? [])
    }
}
