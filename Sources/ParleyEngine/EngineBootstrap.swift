import Foundation
import Logging
import ParleyAudit
import ParleyCrypto
import ParleyEncoder
import ParleyLearning
import ParleyNLU
import ParleyRedaction
import ParleyStore

/// Brings an engine up from configuration: data directory, keys, store, bot,
/// policies, the CRM seed and a model (trained on the spot when none exists).
public struct EngineBootstrap: Sendable {
    public let configuration: ParleyConfiguration
    public let logger: Logger

    public init(configuration: ParleyConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// The model directory without its key: names and the active version only.
    public var models: ModelRepository { ModelRepository(dataDirectory: configuration.paths.dataDirectory) }

    /// The model directory with the installation's model key: reads and writes sealed model files.
    public func models(store: Store) async throws(EngineError) -> ModelRepository {
        do {
            return ModelRepository(dataDirectory: configuration.paths.dataDirectory, sealingKey: try await store.installationKey("model-files"))
        } catch {
            throw .storage(error.description)
        }
    }
    public var keyDirectory: KeyDirectory {
        KeyDirectory(url: configuration.paths.keysDirectory, sources: MasterKeySources(
            credentialsDirectory: configuration.keys.credentialsDirectory,
            passphraseFile: configuration.keys.passphraseFile,
            mayPrompt: true
        ))
    }

    public var rotation: KeyRotation {
        KeyRotation(keys: keyDirectory, dataDirectory: configuration.paths.dataDirectory, logger: logger, storeOptions: configuration.storeOptions)
    }

    /// Creates the data directory (0700) when missing.
    public func prepareDataDirectory() throws(EngineError) {
        let url = configuration.paths.dataDirectory
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .storage("cannot create the data directory \(url.path)")
        }
    }

    /// Finishes or rolls back an interrupted key rotation, holding the data
    /// directory exclusively while it does (so it never races a running
    /// server or command). Call before taking the shared lock.
    public func recoverInterruptedRotation() throws(EngineError) {
        guard rotation.needsRecovery else { return }
        try prepareDataDirectory()
        let lock = try DataDirectoryLock.acquire(configuration.paths.dataDirectory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        _ = try rotation.recover()
    }

    /// The key hierarchy. On a fresh installation (no database, no key) a
    /// master key is created first; a database without its key is refused.
    public func keys(createIfFresh: Bool) throws(EngineError) -> KeyHierarchy {
        let directory = keyDirectory
        guard !rotation.needsRecovery else {
            throw .keys("a key rotation was interrupted; it is finished or rolled back at the next start of 'parley serve' (or any command) while no other Parley process runs")
        }
        if !directory.hasMasterKey {
            let database = configuration.paths.dataDirectory.appendingPathComponent(StoreLocation.databaseFileName)
            guard createIfFresh, !FileManager.default.fileExists(atPath: database.path) else {
                throw .keys("no master key at \(directory.masterKeyURL.path), but a database exists at \(database.path); restore the key (never create a new one for an existing database)")
            }
            let description = try directory.initialize()
            logger.notice("created a new master key", metadata: ["key.id": "\(description.keyID)", "key.path": "\(directory.masterKeyURL.path)"])
        }
        let master = try directory.loadMasterKey()
        do { return try KeyHierarchy(master: master) } catch { throw .keys(error.description) }
    }

    public func openStore(keys: KeyHierarchy, allowingLostKeyring: Bool = false) throws(EngineError) -> Store {
        try prepareDataDirectory()
        let store: Store
        do {
            store = try Store(
                location: .directory(configuration.paths.dataDirectory), keys: keys, options: configuration.storeOptions,
                allowingLostKeyring: allowingLostKeyring
            )
        } catch {
            throw .storage(error.description)
        }
        if let notice = store.recoveryNotice { logger.warning("\(notice)") }
        return store
    }

    public func loadBot() throws(EngineError) -> Bot {
        try BotLoader.load(from: configuration.paths.botDirectory)
    }

    public func loadEscalationPolicy() throws(EngineError) -> EscalationPolicyFile {
        let url = configuration.paths.policiesDirectory.appendingPathComponent("escalation.yml")
        return EscalationPolicyFile(url: url, policy: try EscalationPolicyReader.load(url))
    }

    /// Seeds the built-in CRM from the bot's `crm/` files when it is empty.
    public func seedCRMIfEmpty(_ store: Store, audit: AuditTrail) async throws(EngineError) {
        let counts: ImportCounts
        do { counts = try await store.crmCounts() } catch { throw .storage(error.description) }
        guard counts == ImportCounts() else { return }
        let files = CRMImporter.Files.inDirectory(configuration.paths.botDirectory.appendingPathComponent("crm"))
        guard !files.isEmpty else { return }
        let imported = try await CRMImporter().importFiles(files, into: store)
        do {
            try await audit.record(Principal.system.event("crm.import", details: [
                "source": "starter seed", "customers": String(imported.customers), "orders": String(imported.orders),
            ]))
        } catch { throw .storage(error.description) }
        logger.info("seeded the local CRM", metadata: [
            "crm.customers": "\(imported.customers)", "crm.orders": "\(imported.orders)", "crm.tickets": "\(imported.tickets)",
        ])
    }

    /// The sentence encoder of the NLU cascade, or nil, said loudly, when it
    /// is turned off, missing or damaged: Parley then runs the linear model alone.
    public func loadEncoder() -> SentenceEncoder? {
        guard let url = configuration.paths.encoderFile else {
            logger.notice("the sentence encoder is turned off (paths.encoder_file: none): the NLU runs linear-only")
            return nil
        }
        let started = ContinuousClock.now
        do {
            let encoder = try SentenceEncoder(contentsOf: url, threads: configuration.nlu.encoderThreads)
            logger.info("sentence encoder loaded", metadata: [
                "encoder.name": "\(encoder.configuration.name)", "encoder.precision": "\(encoder.configuration.precision)",
                "encoder.kernel": "\(encoder.kernel.rawValue)", "encoder.threads": "\(encoder.threads)",
                // With one thread a pass never splits: asking the pool's size would start its helpers for nothing.
                "encoder.pool_workers": "\(encoder.threads == .count(1) ? 1 : EncoderThreads.available)", "encoder.sha256": "\(encoder.fileSHA256.prefix(16))",
                "encoder.seconds": "\(String(format: "%.2f", (ContinuousClock.now - started) / .seconds(1)))",
            ])
            return encoder
        } catch {
            logger.error("the sentence encoder cannot be used: the NLU runs linear-only, without the hybrid stage or embedding out-of-scope detection", metadata: [
                "error": "\(error.description)",
            ])
            return nil
        }
    }

    /// The learning loop over this installation (for commands; an engine has its own).
    /// It trains and judges with the configured sentence encoder (loaded here), like the engine.
    public func learningService(store: Store, audit: AuditTrail) async throws(EngineError) -> LearningService {
        let bot = try loadBot()
        let models = try await models(store: store)
        let tests = try await conversationTests(bot: bot, store: store)
        return LearningService(
            store: store, audit: audit, settings: configuration.learning, models: models, bot: bot,
            escalation: try loadEscalationPolicy().policy, conversationTests: tests, encoder: loadEncoder(), logger: logger
        )
    }

    /// The bot's conversation tests (`tests/*.yml` in the bot directory), for the gate.
    func conversationTests(bot: Bot, store: Store) async throws(EngineError) -> [ConversationTest] {
        let overlay: [IntentOverlay]
        do { overlay = try await store.intentOverlay() } catch { throw .storage(error.description) }
        return try ConversationTestReader.load(botDirectory: configuration.paths.botDirectory, knownIntents: Set(bot.applying(overlay).domain.intents))
    }

    /// The active model from the store's registry (files of an earlier Parley
    /// are adopted into it), or, when there is none and `trainIfMissing`, the
    /// first model, trained on the bot's data and the labels less the held-out split.
    public func activeModel(bot: Bot, store: Store, audit: AuditTrail, trainIfMissing: Bool, encoder: SentenceEncoder? = nil) async throws(EngineError) -> NLUModel {
        let models = try await models(store: store)
        let learning = LearningService(
            store: store, audit: audit, settings: configuration.learning, models: models, bot: bot,
            escalation: try loadEscalationPolicy().policy, encoder: encoder, logger: logger
        )
        do {
            if let model = try await learning.loadActiveModel() { return model }
        } catch {
            // A model is rebuilt from the bot's data and the stored labels; a
            // restored keyring without the model key, or a damaged file, is no
            // reason to stay down. Said loudly, then trained anew.
            guard trainIfMissing else { throw error }
            logger.warning("the active model cannot be used; training a new one", metadata: ["error": "\(error.description)"])
        }
        guard trainIfMissing else { throw .modelUnavailable("no trained model in \(models.directory.path); run 'parley train'") }
        logger.info("no trained model yet: training the bot's model")
        return try await learning.train(activate: true, by: .system).model
    }

    /// Retention, holds, erasure and access requests for this installation.
    public func retention(store: Store, audit: AuditTrail) async throws(EngineError) -> RetentionServices {
        let referenceKey: SymmetricKey
        do { referenceKey = try await store.installationKey("customer-ref") } catch { throw .storage(error.description) }
        return RetentionServices(
            policyURL: configuration.paths.policiesDirectory.appendingPathComponent("retention.yml"), store: store, audit: audit,
            models: try await models(store: store), referenceKey: referenceKey,
            chunkSize: configuration.retention.chunkSize, logger: logger
        )
    }

    /// The audit trail, signed with the key derived from the master key.
    public func auditTrail(store: Store, keys: KeyHierarchy) throws(EngineError) -> AuditTrail {
        do { return try AuditTrail(store: store, signingSeed: keys.auditSigningSeed, origin: configuration.audit.origin) } catch {
            throw .keys("the audit signing key cannot be set up: \(error.description)")
        }
    }

    /// The redaction policy (`policies/pii.yml`, else the built-in default) with the keyed hasher.
    public func redactor(keys: KeyHierarchy) throws(EngineError) -> Redactor {
        let policy = try PIIPolicyReader.load(configuration.paths.policiesDirectory.appendingPathComponent("pii.yml"))
        do { return try Redactor(policy: policy, hasher: KeyedPIIHasher(key: keys.piiHashKey)) } catch {
            throw .configuration(file: configuration.paths.policiesDirectory.appendingPathComponent("pii.yml").path, line: nil, key: nil, reason: error.description)
        }
    }

    /// Everything, for `serve` and `chat`. The caller holds the data directory
    /// shared (see ``DataDirectoryLock``) after ``recoverInterruptedRotation()``.
    public func engine(trainIfMissing: Bool, metrics: MetricsRegistry = MetricsRegistry()) async throws(EngineError) -> ParleyEngine {
        try prepareDataDirectory()
        let freshKey = !keyDirectory.hasMasterKey
        let keys = try keys(createIfFresh: true)
        let store = try openStore(keys: keys)
        let audit = try auditTrail(store: store, keys: keys)
        if freshKey {
            do { try await audit.record(Principal.system.event("key.init", target: .key(keys.keyID), details: ["source": "file"])) } catch {
                throw .storage(error.description)
            }
        }
        let retention = try await retention(store: store, audit: audit)
        try await retention.startUp()
        if FileManager.default.fileExists(atPath: retention.policyURL.path) {
            try await retention.recordPolicy(try retention.policy(), by: .system)
        } else {
            logger.warning("no retention policy: nothing is removed on a schedule", metadata: ["policy.file": "\(retention.policyURL.path)"])
        }
        let bot = try loadBot()
        let escalation = try loadEscalationPolicy()
        let redactor = try redactor(keys: keys)
        try await seedCRMIfEmpty(store, audit: audit)
        let encoder = loadEncoder()
        let model = try await activeModel(bot: bot, store: store, audit: audit, trainIfMissing: trainIfMissing, encoder: encoder)
        let models = try await models(store: store)
        let state: ModelState?
        let overlay: [IntentOverlay]
        do {
            state = try await store.modelState()
            overlay = try await store.intentOverlay()
        } catch { throw .storage(error.description) }
        var shadow: NLUModel?
        if let version = state?.shadowVersion {
            do { shadow = try models.load(version) } catch {
                logger.error("the shadow model cannot be loaded; no shadow runs", metadata: ["model.version": "\(version)", "error": "\(error.description)"])
            }
        }
        logger.info("engine ready", metadata: [
            "model.version": "\(model.metadata.version)", "bot.intents": "\(bot.applying(overlay).domain.intents.count)",
            "model.shadow": "\(shadow?.metadata.version ?? "none")", "key.id": "\(keys.keyID)",
        ])
        return try ParleyEngine(
            store: store, audit: audit, bot: bot, escalation: escalation.policy, model: model, redactor: redactor,
            encoder: encoder, retention: retention, learning: configuration.learning, models: models, overlay: overlay,
            generation: state?.activeVersion == model.metadata.version ? state?.generation ?? 0 : 0, shadow: shadow,
            conversationTests: try await conversationTests(bot: bot, store: store), metrics: metrics, logger: logger
        )
    }
}

import ParleyEscalation

/// A loaded escalation policy and the file it came from.
public struct EscalationPolicyFile: Sendable {
    public let url: URL
    public let policy: EscalationPolicy
}
