import ArgumentParser
import ParleyEngine

struct TokensRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by its id.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The token id (from 'parley tokens list').")
    var id: String

    func run() async throws {
        let store = try await CommandContext(global).store()
        try await AccessTokens(store: store).revoke(id: id)
        print("revoked \(id)")
    }
}
