/// Namespace of the typed OVN Northbound row models (`NB.NAT`, `NB.LogicalRouter`, …), so
/// names like `Mirror` do not clash with the standard library's.
public enum NB {}
