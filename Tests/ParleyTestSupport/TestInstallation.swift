import Foundation
import Logging
import ParleyAudit
import ParleyCrypto
import ParleyEngine
import ParleyLearning
import ParleyStore

/// A real installation in a temporary directory (encrypted store, keyring,
/// audit trail, the repository's policies, the starter CRM) with an engine on
/// the starter model, for tests of what happens to files: erasure, retention,
/// restores. Call ``remove()`` when done.
public struct TestInstallation: Sendable {
    public let root: URL
    public let configuration: ParleyConfiguration
    public let bootstrap: EngineBootstrap
    public let keys: KeyHierarchy
    public let store: Store
    public let audit: AuditTrail
    public let retention: RetentionServices
    public let engine: ParleyEngine

    /// Opens (or creates) the installation under `root`; `startUp` runs what a
    /// start runs before serving (erasures applied again, interrupted work finished).
    public static func open(
        at root: URL = FileManager.default.temporaryDirectory.appendingPathComponent("install-\(UUID().uuidString)"),
        startUp: Bool = true, clock: @escaping @Sendable () -> Date = { Date() },
        learning: LearningSettings? = nil
    ) async throws -> TestInstallation {
        var configuration = StarterBot.configuration(installedUnder: root)
        if let learning { configuration.learning = learning }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
        try bootstrap.prepareDataDirectory()
        let keys = try bootstrap.keys(createIfFresh: true)
        let store = try bootstrap.openStore(keys: keys)
        let audit = try bootstrap.auditTrail(store: store, keys: keys)
        try await bootstrap.seedCRMIfEmpty(store, audit: audit)
        let retention = try await bootstrap.retention(store: store, audit: audit)
        if startUp { try await retention.startUp() }
        let engine: ParleyEngine
        if learning != nil {
            // The learning loop's installation: the model registry, with a first
            // model trained as a fresh installation trains it (held-out split excluded).
            let models = try await bootstrap.models(store: store)
            let service = try await bootstrap.learningService(store: store, audit: audit)
            try await service.installInitial(StarterBot.heldOutModel, by: .system)
            let state = try await store.modelState()
            engine = try ParleyEngine(
                store: store, audit: audit, bot: StarterBot.bot(), escalation: StarterBot.escalation(),
                model: try await service.loadActiveModel() ?? StarterBot.heldOutModel,
                redactor: bootstrap.redactor(keys: keys), retention: retention, learning: configuration.learning, models: models,
                overlay: try await store.intentOverlay(), generation: state?.generation ?? 0, logger: logger, clock: clock
            )
        } else {
            engine = try ParleyEngine(
                store: store, audit: audit, bot: StarterBot.bot(), escalation: StarterBot.escalation(), model: StarterBot.model,
                redactor: bootstrap.redactor(keys: keys), retention: retention, logger: logger, clock: clock
            )
        }
        return TestInstallation(
            root: root, configuration: configuration, bootstrap: bootstrap, keys: keys, store: store, audit: audit,
            retention: retention, engine: engine
        )
    }

    public var dataDirectory: URL { configuration.paths.dataDirectory }
    public var databasePath: String { dataDirectory.appendingPathComponent(StoreLocation.databaseFileName).path }
    public var keyringPath: String { dataDirectory.appendingPathComponent(StoreLocation.keyringFileName).path }

    /// Closes the store (WAL folded in) so the installation can be reopened.
    public func close() throws {
        try store.close()
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A customer message through the whole pipeline.
    @discardableResult
    public func say(_ text: String, in conversation: String, customer: String? = nil) async throws -> TurnResult {
        try await engine.handle(IncomingMessage(conversationID: conversation, text: text, customerID: customer))
    }

    /// How often any of `words` occurs, in UTF-8 or UTF-16 (either byte order),
    /// in every page of both databases and their WALs decrypted with the
    /// installation's keys (free pages and unchecked frames included), and in
    /// the raw bytes of every other file under the installation.
    public func occurrences(of words: [String]) throws -> Int {
        let needles = words.flatMap { word -> [[UInt8]] in
            [Array(word.utf8),
             word.utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] },
             word.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }]
        }
        var count = 0
        for (path, key) in [(databasePath, keys.databaseKey), (keyringPath, keys.keyringDatabaseKey)] where FileManager.default.fileExists(atPath: path) {
            try DatabaseScan.pages(ofDatabaseAt: path, key: key) { page in
                for needle in needles { count += Self.count(needle, in: page) }
            }
        }
        let databases = Set([databasePath, keyringPath].flatMap { [$0, $0 + "-wal", $0 + "-journal"] })
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])?
            .compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true } ?? []
        for file in files where !databases.contains(file.path) {
            let bytes = try Data(contentsOf: file)
            bytes.withUnsafeBytes { raw in for needle in needles { count += Self.count(needle, in: raw) } }
        }
        return count
    }

    static func count(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Int {
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        var found = 0
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], needle.indices.allSatisfy({ haystack[index + $0] == needle[$0] }) {
                found += 1
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }
}
