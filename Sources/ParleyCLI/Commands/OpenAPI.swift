import ArgumentParser
import ParleyServer

/// `parley openapi`: prints the OpenAPI document.
struct OpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "openapi", abstract: "Print the OpenAPI 3.1 document of the HTTP API.")

    func run() {
        print(OpenAPIDocument.json, terminator: "")
    }
}
