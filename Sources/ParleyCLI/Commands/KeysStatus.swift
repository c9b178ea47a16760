import ArgumentParser
import Foundation
import ParleyCrypto
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
        let stored = try directory.description()
        guard stored != nil || directory.usesCredential else {
            throw EngineError.keys("no master key in \(context.configuration.paths.keysDirectory.path); run 'parley keys init'")
        }
        var ids: (database: String?, keyring: String?) = (nil, nil)
        var inUse: KeyHierarchy?
        let database = context.configuration.paths.dataDirectory.appendingPathComponent("parley.db")
        if FileManager.default.fileExists(atPath: database.path) {
            let data = try context.open()
            ids = try await data.store.databaseIDs()
            inUse = data.keys
            try await context.record(Principal.localUser().event("key.status"), in: data)
        }
        let status = Status(
            key: try Self.keyInUse(directory, stored: stored, loaded: inUse), databaseID: ids.database, keyringID: ids.keyring,
            retired: Self.retiredKeys(in: directory.url.appendingPathComponent("retired"))
        )
        if json {
            try printJSON(status)
        } else {
            print("master key id:    \(status.key.keyID)")
            print("created:          \(status.key.createdAt?.formatted(.iso8601) ?? "unknown (no description of this key in the keys directory)")")
            print("source:           \(status.key.source)")
            for (name, algorithm) in status.key.algorithms.sorted(by: { $0.key < $1.key }) {
                print("\((name + ":").padding(toLength: 18, withPad: " ", startingAt: 0))\(algorithm)")
            }
            print("database id:      \(ids.database ?? "(no database yet)")")
            print("keyring id:       \(ids.keyring ?? "(no keyring yet)")")
            for key in status.retired {
                print("retired key:      \(key.keyID) (\(key.kind), retired \(key.retiredAt?.formatted(.iso8601) ?? "at an unknown time"))")
            }
        }
    }

    /// The key actually in use. A systemd credential takes precedence over
    /// the keys directory, so its id is computed from the key itself, and
    /// the directory's description is shown only if it describes that key.
    static func keyInUse(_ directory: KeyDirectory, stored: MasterKeyDescription?, loaded: KeyHierarchy?) throws -> KeyInUse {
        guard directory.usesCredential else {
            guard let stored else { throw EngineError.keys("no description of the master key in \(directory.descriptionURL.path)") }
            return KeyInUse(keyID: stored.keyID, createdAt: stored.createdAt, source: stored.source, algorithms: stored.algorithms)
        }
        let keys = try loaded ?? KeyHierarchy(master: directory.loadMasterKey())
        let source = "systemd credential \(KeyDirectory.credentialName)"
        if let stored, stored.keyID == keys.keyID {
            return KeyInUse(keyID: keys.keyID, createdAt: stored.createdAt, source: source, algorithms: stored.algorithms)
        }
        return KeyInUse(keyID: keys.keyID, createdAt: nil, source: source, algorithms: MasterKeyDescription.algorithms(passphrase: false))
    }

    /// Retired keys: a key file (`ID.key`) or a passphrase key's description (`ID.json`).
    static func retiredKeys(in directory: URL) -> [RetiredKey] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap { name -> RetiredKey? in
            let url = directory.appendingPathComponent(name)
            let kind: String
            switch url.pathExtension {
            case "key": kind = "key file"
            case "json": kind = "passphrase"
            default: return nil
            }
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
            return RetiredKey(keyID: url.deletingPathExtension().lastPathComponent, kind: kind, retiredAt: modified)
        }.sorted { $0.keyID < $1.keyID }
    }

    struct KeyInUse: Encodable {
        let keyID: String
        let createdAt: Date?
        let source: String
        let algorithms: [String: String]

        enum CodingKeys: String, CodingKey {
            case keyID = "key_id", createdAt = "created_at", source, algorithms
        }
    }

    struct RetiredKey: Encodable {
        let keyID: String
        let kind: String
        let retiredAt: Date?

        enum CodingKeys: String, CodingKey {
            case keyID = "key_id", kind, retiredAt = "retired_at"
        }
    }

    struct Status: Encodable {
        let key: KeyInUse
        let databaseID: String?
        let keyringID: String?
        let retired: [RetiredKey]

        enum CodingKeys: String, CodingKey {
            case key = "master_key", databaseID = "database_id", keyringID = "keyring_id", retired = "retired_keys"
        }
    }
}
