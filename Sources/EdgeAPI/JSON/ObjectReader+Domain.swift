import EdgeCore

/// Typed readers for the domain values request bodies carry. Each records a field error with a
/// specific code (`invalid-ip`, `invalid-cidr`, `invalid-port`, …) and returns nil on failure.
extension ObjectReader {
    public mutating func ipv4(_ key: String, required: Bool = false) -> IPv4Address? {
        parse(key, required: required) { text in
            guard let value = IPv4Address(text) else { throw InvalidValue(.invalidIP, "\(quoted(text)) is not an IPv4 address") }
            return value
        }
    }

    public mutating func ipv6(_ key: String, required: Bool = false) -> IPv6Address? {
        parse(key, required: required) { text in
            guard let value = IPv6Address(text) else { throw InvalidValue(.invalidIP, "\(quoted(text)) is not an IPv6 address") }
            return value
        }
    }

    public mutating func ipAddress(_ key: String, required: Bool = false) -> IPAddress? {
        parse(key, required: required) { text in
            guard let value = IPAddress(text) else { throw InvalidValue(.invalidIP, "\(quoted(text)) is not an IP address") }
            return value
        }
    }

    public mutating func cidrV4(_ key: String) -> IPv4CIDR? {
        parse(key) { text in
            guard let value = IPv4CIDR(text) else { throw InvalidValue(.invalidCIDR, "\(quoted(text)) is not an IPv4 CIDR with zero host bits") }
            return value
        }
    }

    public mutating func cidrV6(_ key: String) -> IPv6CIDR? {
        parse(key) { text in
            guard let value = IPv6CIDR(text) else { throw InvalidValue(.invalidCIDR, "\(quoted(text)) is not an IPv6 CIDR with zero host bits") }
            return value
        }
    }

    /// A prefix of either family; a bare address is a /32 or /128.
    public mutating func ipCIDR(_ key: String, required: Bool = false) -> IPCIDR? {
        parse(key, required: required) { text in
            guard let value = IPCIDR(text) else { throw InvalidValue(.invalidCIDR, "\(quoted(text)) is not a CIDR with zero host bits or an address") }
            return value
        }
    }

    public mutating func mac(_ key: String) -> MACAddress? {
        parse(key) { text in
            guard let value = MACAddress(text) else { throw InvalidValue(.invalidMAC, "\(quoted(text)) is not a MAC address") }
            return value
        }
    }

    /// `exclude` entries: addresses or "a..b" ranges.
    public mutating func ipRanges(_ key: String) -> [IPRange]? {
        parseEach(key, maxCount: 10_000) { text in
            guard let value = IPRange(text) else { throw InvalidValue(.invalidRange, "\(quoted(text)) is not an address or a range a..b with a <= b") }
            return value
        }
    }

    /// A transport port, 1–65535.
    public mutating func port(_ key: String, required: Bool = false) -> Port? {
        guard let number = integer(key, required: required, in: Int64.min...Int64.max) else { return nil }
        guard let port = Port(Int(number)) else {
            fail(key, code: ValidationCode.invalidPort.rawValue, "\(number) is not a port (1 to 65535)")
            return nil
        }
        return port
    }

    /// One of an enumeration's raw values; `code` names what kind of value it is.
    public mutating func choice<T: RawRepresentable<String> & CaseIterable>(
        _ key: String, _ type: T.Type, required: Bool = false, code: String = "invalid-value"
    ) -> T? {
        parse(key, required: required) { text in
            guard let value = T(rawValue: text) else {
                throw InvalidValue(code: code, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }
    }

    /// An id or a name of another object.
    public mutating func reference(_ key: String, required: Bool = false) -> ResourceReference? {
        parse(key, required: required) { text in
            guard !text.isEmpty else { throw InvalidValue(.invalidReference, "must be an id or a name") }
            return ResourceReference(text)
        }
    }

    /// A non-empty NB object name (router, logical port, chassis).
    public mutating func nbName(_ key: String, required: Bool = false) -> String? {
        parse(key, required: required) { text in
            guard !text.isEmpty else { throw InvalidValue(.invalidValue, "must not be empty") }
            return text
        }
    }

    /// Labels for JSON merge patch: null clears them all; inside the object a null value
    /// removes that key and a string sets it.
    public mutating func labelsPatch(_ key: String) -> Presence<[String: String?]> {
        guard let value = take(key, required: false) else { return .absent }
        switch value {
        case .null: return .null
        case .object(let pairs):
            var changes: [String: String?] = [:]
            for pair in pairs {
                switch pair.value {
                case .null: changes[pair.key] = .some(nil)
                case .string(let text): changes[pair.key] = .some(text)
                default:
                    errors.append(FieldProblem(field: "\(fieldPath(key)).\(pair.key)", code: "invalid-type", message: "must be a string or null, not \(pair.value.typeName)"))
                }
            }
            return .value(changes)
        default:
            typeMismatch(key, expected: "an object of strings", got: value)
            return .absent
        }
    }
}

private func quoted(_ text: String) -> String { String(reflecting: text.count > 64 ? String(text.prefix(64)) + "…" : text) }
