import Foundation

extension UUID {
    /// A random (version 4) UUID from the system generator. Foundation's `UUID()` on Linux opens,
    /// reads and closes /dev/urandom for every id (three system calls per created object).
    /// Not time-ordered (version 7), though that would make SQLite's id indexes append: an id is
    /// also the `_uuid` of the object's NB rows, and OVS hashes a row UUID by its first 32 bits —
    /// with version 7 ids those are the same for hours, and ovsdb-server's answer to each NB
    /// transaction of a 10,000-FIP bulk slowed from ~20 to ~50 ms as the rows piled into one bucket.
    public static func random() -> UUID {
        var generator = SystemRandomNumberGenerator()
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { out in
            out.storeBytes(of: generator.next() as UInt64, toByteOffset: 0, as: UInt64.self)
            out.storeBytes(of: generator.next() as UInt64, toByteOffset: 8, as: UInt64.self)
            out[6] = out[6] & 0x0F | 0x40 // version 4
            out[8] = out[8] & 0x3F | 0x80 // RFC 4122 variant
        }
        return UUID(uuid: bytes)
    }
}
