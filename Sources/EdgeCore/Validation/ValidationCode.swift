/// Stable machine codes for field errors; the REST layer puts them into problem+json `errors[]`.
public enum ValidationCode: String, Hashable, Sendable, Codable, CaseIterable {
    case required
    case invalidIP = "invalid-ip"
    case invalidCIDR = "invalid-cidr"
    case invalidRange = "invalid-range"
    case invalidMAC = "invalid-mac"
    case invalidPort = "invalid-port"
    case invalidName = "invalid-name"
    case invalidLabel = "invalid-label"
    case invalidValue = "invalid-value"
    case invalidReference = "invalid-reference"
    case familyMismatch = "family-mismatch"
    case addressOutsideNetwork = "address-outside-network"
    case addressExcluded = "address-excluded"
    case addressReserved = "address-reserved"
    case duplicate
    case immutable = "immutable-field"
    case outOfRange = "out-of-range"
}
