import ArgumentParser
import Foundation
import ParleyEngine

struct TokensCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a token and print it once; only its hash is stored."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Role: channel, agent, admin or auditor.")
    var role: AccessRole

    @Option(help: "A name to recognise the token by (e.g. the agent's or the channel's).")
    var name: String?

    @Flag(help: "Print {\"id\", \"token\", \"role\"} as JSON.")
    var json = false

    func run() async throws {
        let data = try CommandContext(global).open()
        let created = try await data.tokens.create(role: role, name: name, by: .localUser())
        if json {
            try printJSON(created)
        } else {
            print(created.token)
            FileHandle.standardError.write(Data("token \(created.id) (\(created.role.rawValue)) created; it will not be shown again\n".utf8))
        }
    }
}

extension AccessRole: ExpressibleByArgument {}
