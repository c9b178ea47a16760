import ArgumentParser
import ParleyEngine

struct TokensRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by its id.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The token id (from 'parley tokens list').")
    var id: String

    func run() async throws {
        let data = try CommandContext(global).open()
        try await data.tokens.revoke(id: id, by: .localUser())
        print("revoked \(id)")
    }
}
