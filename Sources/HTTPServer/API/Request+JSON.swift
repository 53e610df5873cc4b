import Foundation

extension Request {
    /// Decodes the body as JSON; the decoder's error is passed on for the caller to map (to 400).
    public func decodeJSON<Value: Decodable>(_ type: Value.Type = Value.self, decoder: JSONDecoder = JSONDecoder()) throws -> Value {
        try decoder.decode(type, from: Data(body))
    }
}
