import Foundation

/// Row uuids for objects that own several rows: the object's id mixed with the row's role, so
/// the same row always gets the same uuid and a retried insert can never add a second copy
/// (ovsdb-server refuses a duplicate `uuid`). The object's main row uses the id itself.
enum DerivedUUID {
    static func make(_ id: UUID, role: String) -> UUID {
        var bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
        let high = fnv1a(role, seed: 0xcbf2_9ce4_8422_2325)
        let low = fnv1a(role, seed: 0x8422_2325_cbf2_9ce4 ^ high)
        for index in 0..<8 {
            bytes[index] ^= UInt8(truncatingIfNeeded: high >> UInt64(8 * index))
            bytes[8 + index] ^= UInt8(truncatingIfNeeded: low >> UInt64(8 * index))
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x80 // version 8: custom
        bytes[8] = (bytes[8] & 0x3f) | 0x80 // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    private static func fnv1a(_ text: String, seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
