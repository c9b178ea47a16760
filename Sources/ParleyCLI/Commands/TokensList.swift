import ArgumentParser
import Foundation
import ParleyEngine

struct TokensList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (ids, roles, names; never secrets).")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let data = try CommandContext(global).open()
        let tokens = try await data.tokens.list(by: .localUser())
        let rows = tokens.map {
            Row(id: $0.id, name: $0.name, role: $0.role, createdAt: $0.createdAt, revokedAt: $0.revokedAt, lastUsedAt: $0.lastUsedAt)
        }
        if json {
            try printJSON(rows)
        } else {
            for row in rows {
                let state = row.revokedAt == nil ? "active" : "revoked"
                let used = row.lastUsedAt.map { "used \($0.formatted(.iso8601))" } ?? "never used"
                print("\(row.id)  \(row.role.padding(toLength: 8, withPad: " ", startingAt: 0))  \(state.padding(toLength: 8, withPad: " ", startingAt: 0))  \(used.padding(toLength: 26, withPad: " ", startingAt: 0))  \(row.name)")
            }
        }
    }

    struct Row: Encodable {
        let id: String
        let name: String
        let role: String
        let createdAt: Date
        let revokedAt: Date?
        /// Up to a minute old: a token's use is noted at most once a minute.
        let lastUsedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, name, role, createdAt = "created_at", revokedAt = "revoked_at", lastUsedAt = "last_used_at"
        }
    }
}
