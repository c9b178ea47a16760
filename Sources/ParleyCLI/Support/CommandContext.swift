import Foundation
import Logging
import ParleyEngine
import ParleyAudit
import ParleyCrypto
import ParleyNLU
import ParleyStore

/// What most commands need: configuration, logger, and the store opened with the keys.
struct CommandContext {
    let configuration: ParleyConfiguration
    let logger: Logger
    let bootstrap: EngineBootstrap

    init(_ global: GlobalOptions) throws {
        configuration = try global.load()
        logger = global.logger(configuration)
        bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
    }

    /// The store, keys and audit trail, with the data directory held shared
    /// (as the server holds it). A fresh installation gets its data directory
    /// and master key exactly as the server would create them.
    func open() throws -> OpenedData {
        try bootstrap.prepareDataDirectory()
        try bootstrap.recoverInterruptedRotation()
        let lock = try DataDirectoryLock.acquire(configuration.paths.dataDirectory, exclusive: false)
        let keys = try bootstrap.keys(createIfFresh: true)
        let store = try bootstrap.openStore(keys: keys)
        return OpenedData(store: store, keys: keys, audit: try bootstrap.auditTrail(store: store, keys: keys), lock: lock)
    }

    /// Whether the data directory cannot be written (a read-only copy):
    /// commands that only read then open it with ``openForReading()``.
    var dataDirectoryIsReadOnly: Bool {
        let directory = configuration.paths.dataDirectory
        let database = directory.appendingPathComponent(StoreLocation.databaseFileName)
        return FileManager.default.fileExists(atPath: database.path)
            && (!FileManager.default.isWritableFile(atPath: directory.path) || !FileManager.default.isWritableFile(atPath: database.path))
    }

    /// The store opened to read only (``Store/openReadOnlyCopy(at:keys:options:)``):
    /// nothing written, no key or directory created, no keyring.
    func openForReading() throws -> OpenedData {
        let lock = try DataDirectoryLock.acquireForReading(configuration.paths.dataDirectory)
        let keys = try bootstrap.keys(createIfFresh: false)
        let store: Store
        do { store = try Store.openReadOnlyCopy(at: configuration.paths.dataDirectory, keys: keys, options: configuration.storeOptions) } catch {
            throw EngineError.storage(error.description)
        }
        return OpenedData(store: store, keys: keys, audit: try bootstrap.auditTrail(store: store, keys: keys), lock: lock)
    }

    /// The model a command scores or parses with: a plain model file as it is;
    /// a sealed one, or the active model (no file), through the installation's keys.
    static func model(file: String?, global: GlobalOptions, configuration: ParleyConfiguration, logger: Logger) async throws -> NLUModel {
        if let file, !ModelRepository.isSealed(fileAt: URL(fileURLWithPath: file)) {
            return try ModelRepository(dataDirectory: configuration.paths.dataDirectory).read(fileAt: URL(fileURLWithPath: file))
        }
        let context = try CommandContext(global)
        let data = try context.open()
        let models = try await context.bootstrap.models(store: data.store)
        if let file { return try models.read(fileAt: URL(fileURLWithPath: file)) }
        guard let active = try models.loadActive() else {
            throw EngineError.modelUnavailable("no trained model; run 'parley train'")
        }
        return active
    }

    /// Records an event by the operating-system user running the command.
    func record(_ event: AuditEvent, in data: OpenedData) async throws {
        try await data.audit.record(event)
    }
}

/// What a command works on; keeps the data directory lock while it lives.
struct OpenedData {
    let store: Store
    let keys: KeyHierarchy
    let audit: AuditTrail
    /// nil for a read-only copy without a lock file (no Parley process can be using it).
    let lock: DataDirectoryLock?

    var tokens: AccessTokens { AccessTokens(store: store, audit: audit) }
}
