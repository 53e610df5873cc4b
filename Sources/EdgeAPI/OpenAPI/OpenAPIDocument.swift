/// openapi/openapi.yaml as built into this binary (see Plugins/OpenAPIPlugin).
public enum OpenAPIDocument {
    public static var text: String { embeddedOpenAPIDocument }
    public static var bytes: [UInt8] { Array(embeddedOpenAPIDocument.utf8) }
}
