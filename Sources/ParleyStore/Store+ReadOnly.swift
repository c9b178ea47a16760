import Foundation
import GRDB
import ParleyCrypto

extension Store {
    /// Opens a data directory that must not or cannot be written (a copy on
    /// read-only media, files without write permission) to verify what it
    /// holds: no migration, no recovery, no keyring (no customer text can be
    /// read), no lock file, nothing written. The database is opened
    /// `immutable` when no write-ahead log beside it holds pages; a copy
    /// whose WAL holds pages is read through it when SQLite can (its `-shm`
    /// present), and refused with the reason otherwise.
    public static func openReadOnlyCopy(at directory: URL, keys: KeyHierarchy, options: StoreOptions = StoreOptions()) throws(StoreError) -> Store {
        let location = StoreLocation.directory(directory)
        let path = location.databasePath!
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound("database \(path)") }
        let walSize = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
        let shmPresent = FileManager.default.fileExists(atPath: path + "-shm")
        if walSize > 0, !shmPresent {
            throw .invalid("\(path)-wal holds pages not yet in the database, and they cannot be read without writing: copy the data directory of a stopped server, or make the copy writable")
        }
        let since = DatabaseEncryption.failureSerial()
        do {
            try DatabaseEncryption.register(key: keys.databaseKey, for: path)
            var configuration = configuration(encrypted: true, options: options)
            configuration.readonly = true
            configuration.journalMode = .default
            let uri = DatabaseEncryption.uri(path) + (walSize == 0 ? "&mode=ro&immutable=1" : "&mode=ro")
            let queue = try DatabaseQueue(path: uri, configuration: configuration)
            let keyring = try SubjectKeyring(
                database: DatabaseQueue(configuration: Self.configuration(encrypted: false, options: options)), wrappingKey: keys.wrappingKey
            )
            return Store(database: queue, keyring: keyring, location: location, space: nil)
        } catch {
            throw map(error, files: [path], since: since)
        }
    }
}
