import ArgumentParser

/// `parley`: one binary for the server, the bot designer's tools, keys,
/// tokens and the compliance officer's audit tools.
@available(macOS 10.15, *)
public struct Parley: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Parley: an on-premises customer-support agent.",
        discussion: """
            Every command reads parley.yml (--config) and uses the data directory
            (--data-dir) and keys directory (--keys-dir): in a source checkout they
            default to parley.yml, parley-data/ and keys/ under the checkout; when
            installed, to /etc/parley/parley.yml, /var/lib/parley and /etc/parley/keys.
            """,
        version: "parley \(ParleyVersionString.value)",
        subcommands: [
            Serve.self, Init.self, Chat.self, Train.self, NLU.self, Redact.self, Tokens.self, CRM.self, Keys.self,
            Test.self, Audit.self, Backup.self, Restore.self, Retention.self, Hold.self, Erase.self, Export.self,
            OpenAPI.self, Version.self, Learn.self, Review.self, Label.self, Intents.self, Models.self,
            Doctor.self,
        ]
    )

    public init() {}
}
