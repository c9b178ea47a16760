import Foundation
import GRDB
import ParleyCrypto

/// Parley's database: conversations, turns, handoffs, feedback, tokens and the
/// local CRM in one SQLite database (WAL), plus the subject keyring.
///
/// Turn text, trackers and resolution notes are sealed under their subject's
/// own key before they reach SQLite. Every method is safe to call concurrently.
public final class Store: Sendable {
    let database: any DatabaseWriter
    let keyring: SubjectKeyring
    public let location: StoreLocation

    public init(location: StoreLocation, keys: KeyHierarchy) throws(StoreError) {
        self.location = location
        do {
            switch location {
            case .inMemory:
                database = try DatabaseQueue(configuration: Self.configuration(readonly: false))
                keyring = try SubjectKeyring(
                    database: DatabaseQueue(configuration: Self.configuration(readonly: false)),
                    wrappingKey: keys.wrappingKey
                )
            case .directory:
                database = try DatabasePool(path: location.databasePath!, configuration: Self.configuration(readonly: false))
                keyring = try SubjectKeyring(
                    database: DatabaseQueue(path: location.keyringPath!, configuration: Self.configuration(readonly: false)),
                    wrappingKey: keys.wrappingKey
                )
            }
            try Migrations.main.migrate(database)
        } catch {
            throw Self.map(error)
        }
    }

    static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.foreignKeysEnabled = true
        configuration.label = "parley"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return configuration
    }

    /// Runs a write transaction, mapping errors to ``StoreError``.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await database.write(updates) } catch { throw Self.map(error) }
    }

    func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await database.read(value) } catch { throw Self.map(error) }
    }

    static func map(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as DatabaseError:
            // GRDB hides bound values in descriptions unless told otherwise.
            return .database(error.description)
        case let error as CryptoError:
            return .keys(error.description)
        default:
            return .database(String(describing: type(of: error)))
        }
    }
}
