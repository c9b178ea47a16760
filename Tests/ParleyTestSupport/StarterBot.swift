import Foundation
import Logging
import ParleyAudit
import ParleyCrypto
import ParleyEngine
import ParleyLearning
import ParleyNLU
import ParleyRedaction
import ParleyEscalation
import ParleyStore

/// The repository's starter bot and policies, and engines built on them for tests.
public enum StarterBot {
    /// The checkout root, found from this file's path.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let botDirectory = root.appendingPathComponent("bot")
    public static let policiesDirectory = root.appendingPathComponent("policies")

    /// A fixed "now" for tests: seeded order dates and replies ("tomorrow") are stable.
    public static let now = Date(timeIntervalSince1970: 1_773_136_800)  // 2026-03-10T10:00:00Z

    public static func bot() throws -> Bot {
        try BotLoader.load(from: botDirectory)
    }

    public static func escalation() throws -> EscalationPolicy {
        try EscalationPolicyReader.load(policiesDirectory.appendingPathComponent("escalation.yml"))
    }

    /// The starter bot's model, trained once per test process.
    public static let model: NLUModel = {
        do {
            return try Training.train(bot: bot(), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), now: now)
        } catch {
            fatalError("the starter bot does not train: \(error)")
        }
    }()

    /// The starter bot's model as an installation trains it: without the
    /// frozen held-out split of the learning loop's gate (trained once per process).
    public static let heldOutModel: NLUModel = {
        do {
            let bot = try bot()
            let set = TrainingSet.build(bot: bot.trainingData, intents: bot.domain.intents, labels: [], settings: GateSettings())
            return try Training.train(
                data: set.data, hyperParameters: bot.hyperParameters, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), now: now
            )
        } catch {
            fatalError("the starter bot does not train: \(error)")
        }
    }()

    /// A fresh in-memory store with the starter CRM seeded at ``now``.
    public static func store() async throws -> Store {
        try await seeded(Store(location: .inMemory, keys: KeyHierarchy(master: .random())))
    }

    /// A fresh encrypted store in `directory` (through the VFS, as installed), the starter CRM seeded.
    public static func store(in directory: URL, keys: KeyHierarchy? = nil, options: StoreOptions = StoreOptions()) async throws -> Store {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try await seeded(Store(location: .directory(directory), keys: keys ?? KeyHierarchy(master: .random()), options: options))
    }

    private static func seeded(_ store: Store) async throws -> Store {
        let files = CRMImporter.Files.inDirectory(botDirectory.appendingPathComponent("crm"))
        _ = try await CRMImporter(now: now).importFiles(files, into: store)
        return store
    }

    /// The starter bot's configuration with the data and keys directories of
    /// an installation under `root` (nothing there yet: a fresh start).
    public static func configuration(installedUnder root: URL) -> ParleyConfiguration {
        var configuration = ParleyConfiguration(layout: .checkout(root: self.root))
        configuration.paths.dataDirectory = root.appendingPathComponent("data")
        configuration.paths.keysDirectory = root.appendingPathComponent("keys")
        return configuration
    }

    /// An engine over a fresh in-memory store, with a fixed clock.
    public static func engine(
        store: Store? = nil,
        records: (any CustomerRecordsProvider)? = nil,
        redactor: Redactor? = nil,
        logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
        clock: @escaping @Sendable () -> Date = { now }
    ) async throws -> ParleyEngine {
        let store = if let store { store } else { try await self.store() }
        let audit = try AuditTrail(store: store, signingSeed: .random(), origin: "test.parley/audit", clock: clock)
        return try ParleyEngine(
            store: store, audit: audit, bot: bot(), escalation: escalation(), model: model,
            redactor: redactor ?? Redactor(policy: PIIPolicyReader.load(policiesDirectory.appendingPathComponent("pii.yml"))),
            records: records?.records(store: store), logger: logger, clock: clock
        )
    }
}

import ParleyIntegrations

/// Lets a test wrap the local CRM (for instance to block inside a lookup).
public protocol CustomerRecordsProvider: Sendable {
    func records(store: Store) -> any CustomerRecords
}
