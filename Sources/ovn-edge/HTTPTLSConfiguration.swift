import HTTPServer

/// The API listener's TLS files. (`HTTPServer` is both a module and a type, and OVSDB has a
/// `TLSConfiguration` too, so files importing both name this one through the alias.)
typealias HTTPTLSConfiguration = TLSConfiguration
