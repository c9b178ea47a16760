import ArgumentParser

/// `parley tokens ...`: API tokens.
struct Tokens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and revoke API tokens (stored hashed; shown once).",
        subcommands: [TokensCreate.self, TokensList.self, TokensRevoke.self]
    )
}
