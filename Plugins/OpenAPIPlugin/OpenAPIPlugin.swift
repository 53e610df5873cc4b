import Foundation
import PackagePlugin

/// Embeds the top-level `openapi/openapi.yaml` into the target as a Swift string literal, so
/// `GET /openapi.yaml` serves the spec from the binary, whatever the working directory, while
/// `openapi/` keeps the only copy.
@main
struct OpenAPIPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "openapi/openapi.yaml")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedOpenAPI.generated.swift")
        return [
            .buildCommand(
                displayName: "Embedding openapi/openapi.yaml into \(target.name)",
                executable: try context.tool(named: "EmbedCodegen").url,
                arguments: ["document", "embeddedOpenAPIDocument", input.path, output.path],
                inputFiles: [input],
                outputFiles: [output]
            ),
        ]
    }
}
