import ArgumentParser
import Foundation
@testable import ParleyCLI
import Testing

@Suite struct CommandLineTests {
    @Test func helpListsEveryCommand() {
        let help = Parley.helpMessage()
        for command in ["serve", "chat", "train", "nlu", "tokens", "crm", "keys", "openapi", "version"] {
            #expect(help.contains(command), "help lacks \(command)")
        }
    }

    @Test func tokensCreateRequiresAKnownRole() {
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["tokens", "create", "--role", "superuser"]) }
        #expect(throws: Never.self) { try Parley.parseAsRoot(["tokens", "create", "--role", "agent", "--json"]) }
    }

    @Test func servePortIsValidated() {
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["serve", "--port", "70000"]) }
    }

    @Test func tokensCreatePrintsIdTokenAndRoleAsJSONAndStoresOnlyTheHash() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        let arguments = ["--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path]
        let command = try #require(try Parley.parseAsRoot(["tokens", "create", "--role", "agent", "--name", "dana"] + arguments) as? TokensCreate)
        try await command.run()
        let database = try Data(contentsOf: root.appendingPathComponent("data/parley.db"))
        #expect(database.count > 0)
        let keyMode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("keys/master.key").path)[.posixPermissions] as? Int
        #expect(keyMode == 0o600)
    }
}
