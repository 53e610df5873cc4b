import EdgeCore
import Testing
import TestSupport

@Suite struct AddressParsingTests {
    @Test func ipv4RoundTripsAndRejectsMalformedText() {
        #expect(IPv4Address("192.0.2.1")?.description == "192.0.2.1")
        #expect(IPv4Address("0.0.0.0")?.value == 0)
        #expect(IPv4Address("255.255.255.255")?.value == .max)
        for bad in ["", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "1..2.3", " 1.2.3.4", "1.2.3.4/24",
                    "1.2.3.4.", ".1.2.3", "00.1.2.3", "1.2.3.00", "1.2.3.0400", "1.2.3.1000", "1.2.3.\u{663}", "1.2.3.4\0"] {
            #expect(IPv4Address(bad) == nil, "\(bad)")
        }
    }

    /// The byte-wise parser and printer against the plain definition, over random addresses.
    @Test func ipv4TextMatchesTheDottedQuadOfItsValue() {
        var random = SeededGenerator(seed: 4)
        for _ in 0..<20_000 {
            let value = UInt32.random(in: 0...UInt32.max, using: &random) >> UInt32.random(in: 0...31, using: &random)
            let text = "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
            #expect(IPv4Address(value).description == text)
            #expect(IPv4Address(text)?.value == value, "\(text)")
        }
    }

    @Test(arguments: [
        ("2001:db8::1", "2001:db8::1"),
        ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("::", "::"),
        ("::1", "::1"),
        ("1::", "1::"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),      // first of two equal runs
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),   // a single zero group is not compressed
        ("::ffff:192.0.2.1", "::ffff:c000:201"),
        ("fe80:0:0:0:0:0:0:0", "fe80::"),
    ])
    func ipv6PrintsCanonicalForm(input: String, canonical: String) {
        #expect(IPv6Address(input)?.description == canonical)
        #expect(IPv6Address(canonical) == IPv6Address(input))
    }

    @Test func ipv6RejectsMalformedText() {
        for bad in ["", ":", ":::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::", "1:2:3:4:5:6:7::8",
                    "::1.2.3", "1.2.3.4", "fe80::1%eth0", "1:2:3:4:5:6:7:8::"] {
            #expect(IPv6Address(bad) == nil, "\(bad)")
        }
    }

    @Test func ipv6Arithmetic() throws {
        let a = try #require(IPv6Address("2001:db8::ffff:ffff:ffff:ffff"))
        #expect(a.successor?.description == "2001:db8:0:1::")
        #expect(a.successor?.predecessor == a)
        #expect(IPv6Address("::")?.predecessor == nil)
        #expect(IPv6Address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")?.successor == nil)
        let cidr = try #require(IPv6CIDR("2001:db8::/64"))
        #expect(cidr.last.description == "2001:db8::ffff:ffff:ffff:ffff")
        #expect(cidr.first.count(through: cidr.last) == .max)
        let small = try #require(IPv6CIDR("2001:db8::/120"))
        #expect(small.range.count == 256)
        #expect(IPv6Address("2001:db8::5")!.count(through: IPv6Address("2001:db8::4")!) == 0)
        let across = (IPv6Address("2001:db8:0:0:ffff:ffff:ffff:fff0")!, IPv6Address("2001:db8:0:1::f")!)
        #expect(across.0.count(through: across.1) == 32)
    }

    @Test func cidrsRequireZeroHostBits() {
        #expect(IPv4CIDR("192.0.2.0/24")?.description == "192.0.2.0/24")
        #expect(IPv4CIDR("192.0.2.1/24") == nil)
        #expect(IPv4CIDR("192.0.2.0/33") == nil)
        #expect(IPv4CIDR("192.0.2.0") == nil)
        #expect(IPv4CIDR("0.0.0.0/0")?.range.count == 1 << 32)
        #expect(IPv6CIDR("2001:db8::/64")?.prefixLength == 64)
        #expect(IPv6CIDR("2001:db8::1/64") == nil)
        #expect(IPv4CIDR("10.0.0.0/8")!.contains(IPv4Address("10.255.0.1")!))
        #expect(!IPv4CIDR("10.0.0.0/8")!.contains(IPv4Address("11.0.0.0")!))
    }

    @Test func snatPrefixesAcceptBareAddresses() {
        #expect(IPCIDR("10.0.0.5")?.description == "10.0.0.5/32")
        #expect(IPCIDR("10.0.0.0/24")?.family == .v4)
        #expect(IPCIDR("fd00::/64")?.family == .v6)
        #expect(IPCIDR("fd00::7")?.description == "fd00::7/128")
        #expect(IPCIDR("10.0.0.1/24") == nil)
    }

    @Test func excludeEntriesParse() {
        #expect(IPRange("192.0.2.10..192.0.2.20")?.description == "192.0.2.10..192.0.2.20")
        #expect(IPRange("192.0.2.10")?.description == "192.0.2.10")
        #expect(IPRange("2001:db8::10..2001:db8::20")?.family == .v6)
        #expect(IPRange("192.0.2.20..192.0.2.10") == nil)          // reversed
        #expect(IPRange("192.0.2.10..2001:db8::1") == nil)         // mixed families
        #expect(IPRange("192.0.2.10..") == nil)
        if case .v4(let range)? = IPRange("192.0.2.10..192.0.2.20") { #expect(range.count == 11) } else { Issue.record("not v4") }
    }

    @Test func macsParseFormatAndGenerate() {
        #expect(MACAddress("0A:1b:2C:3d:4E:5f")?.description == "0a:1b:2c:3d:4e:5f")
        #expect(MACAddress("0a-1b-2c-3d-4e-5f")?.description == "0a:1b:2c:3d:4e:5f")
        for bad in ["", "0a:1b:2c:3d:4e", "0a:1b:2c:3d:4e:5f:00", "0a:1b:2c:3d:4e:5", "0g:1b:2c:3d:4e:5f", "0a:1b-2c:3d:4e:5f"] {
            #expect(MACAddress(bad) == nil, "\(bad)")
        }
        #expect(MACAddress("01:00:5e:00:00:01")?.isUnicast == false)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            let mac = MACAddress.randomLocallyAdministered(using: &generator)
            #expect(mac.isUnicast && mac.isLocallyAdministered)
            #expect(MACAddress(mac.description) == mac)
        }
    }

    @Test func portsAndProtocols() {
        #expect(Port(1)?.description == "1")
        #expect(Port(65535) != nil)
        #expect(Port(0) == nil)
        #expect(Port(65536) == nil)
        #expect(Port("80")?.value == 80)
        #expect(TransportProtocol(rawValue: "sctp") == .sctp)
        #expect(TransportProtocol(rawValue: "TCP") == nil)
    }

    @Test func referencesPreferIDs() {
        let id = UUID()
        #expect(ResourceReference(id.uuidString) == .id(id))
        #expect(ResourceReference("public-net") == .name("public-net"))
        #expect(ResourceReference(id.uuidString).description == id.uuidString.lowercased())
    }
}

import Foundation
