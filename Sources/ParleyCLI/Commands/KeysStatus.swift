import ArgumentParser
import Foundation
import ParleyEngine

struct KeysStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Key ids, creation times, algorithms and database ids; never a secret."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let context = try CommandContext(global)
        let directory = context.bootstrap.keyDirectory
        guard let description = try directory.description() else {
            throw EngineError.keys("no master key in \(context.configuration.paths.keysDirectory.path); run 'parley keys init'")
        }
        var ids: (database: String?, keyring: String?) = (nil, nil)
        let database = context.configuration.paths.dataDirectory.appendingPathComponent("parley.db")
        if FileManager.default.fileExists(atPath: database.path) {
            let data = try context.open()
            ids = try await data.store.databaseIDs()
            try await context.record(Principal.localUser().event("key.status"), in: data)
        }
        let retired = (try? FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("retired").path)) ?? []
        let status = Status(
            key: description, databaseID: ids.database, keyringID: ids.keyring,
            retiredKeyIDs: retired.filter { $0.hasSuffix(".key") }.map { String($0.dropLast(4)) }.sorted()
        )
        if json {
            try printJSON(status)
        } else {
            print("master key id:    \(description.keyID)")
            print("created:          \(description.createdAt.formatted(.iso8601))")
            print("source:           \(description.source)")
            for (name, algorithm) in description.algorithms.sorted(by: { $0.key < $1.key }) {
                print("\((name + ":").padding(toLength: 18, withPad: " ", startingAt: 0))\(algorithm)")
            }
            print("database id:      \(ids.database ?? "(no database yet)")")
            print("keyring id:       \(ids.keyring ?? "(no keyring yet)")")
            if !status.retiredKeyIDs.isEmpty { print("retired keys:     \(status.retiredKeyIDs.joined(separator: ", "))") }
        }
    }

    struct Status: Encodable {
        let key: MasterKeyDescription
        let databaseID: String?
        let keyringID: String?
        let retiredKeyIDs: [String]

        enum CodingKeys: String, CodingKey {
            case key = "master_key", databaseID = "database_id", keyringID = "keyring_id", retiredKeyIDs = "retired_key_ids"
        }
    }
}
