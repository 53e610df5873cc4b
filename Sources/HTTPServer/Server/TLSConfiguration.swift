/// PEM files for HTTPS. The certificate file may hold the whole chain (leaf first).
public struct TLSConfiguration: Sendable, Equatable {
    public var certificateChainFile: String
    public var privateKeyFile: String

    public init(certificateChainFile: String, privateKeyFile: String) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
    }
}
