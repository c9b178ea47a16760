import Foundation
import ParleyAudit
import ParleyLearning
import ParleyNLU
import ParleyStore

/// A registered version as `parley models show` describes it.
public struct ModelDetail: Sendable {
    public var record: ModelVersionRecord
    /// Labelled turns it was trained on (those not erased since).
    public var labels: Int
    /// Erasures of customers whose labels trained it.
    public var erasures: [String]
    public var fileExists: Bool
    public var isShadow: Bool
}

/// A change of the active model.
public struct PromotionOutcome: Sendable {
    public var version: String
    public var previous: String?
    public var kind: ModelPromotion.Kind
    public var generation: Int64
    /// The gate's report, when the promotion ran it.
    public var report: GateReport?
}

extension LearningService {
    /// Every registered version, newest first (files on disk the registry
    /// does not know are adopted first, as retired versions).
    public func registry() async throws(EngineError) -> [ModelVersionRecord] {
        try await adoptUnregisteredFiles()
        do { return try await store.modelVersions() } catch { throw Self.map(error) }
    }

    public func detail(_ version: String) async throws(EngineError) -> ModelDetail {
        try await adoptUnregisteredFiles()
        do {
            guard let record = try await store.modelVersion(version) else { throw EngineError.notFound("model \(version)") }
            let labels = try await store.modelLabels(version).count
            let erasures = try await store.modelsTrainedOnErasedData().first { $0.modelVersion == version }?.erasureIDs ?? []
            let shadow = try await store.modelState()?.shadowVersion == version
            let exists = models.map { FileManager.default.fileExists(atPath: $0.url(of: version).path) } ?? false
            return ModelDetail(record: record, labels: labels, erasures: erasures, fileExists: exists, isShadow: shadow)
        } catch let error as EngineError {
            throw error
        } catch let error as StoreError {
            throw Self.map(error)
        } catch {
            throw .storage("the registry could not be read")
        }
    }

    /// The labelled turns a version was trained on (lineage).
    public func labels(of version: String, by principal: Principal) async throws(EngineError) -> [ModelLabel] {
        let labels: [ModelLabel]
        do throws(StoreError) {
            guard try await store.modelVersion(version) != nil else { throw StoreError.notFound("model \(version)") }
            labels = try await store.modelLabels(version)
        } catch { throw Self.map(error) }
        try await record([principal.event("model.lineage", target: Self.target(model: version), details: ["labels": String(labels.count)])])
        return labels
    }

    public func diff(_ from: String, _ to: String) async throws(EngineError) -> ModelDiff {
        do throws(StoreError) {
            guard let old = try await store.modelVersion(from) else { throw StoreError.notFound("model \(from)") }
            guard let new = try await store.modelVersion(to) else { throw StoreError.notFound("model \(to)") }
            return ModelDiff(from: old, to: new, oldLabels: try await store.modelLabels(from), newLabels: try await store.modelLabels(to))
        } catch { throw Self.map(error) }
    }

    /// What serves now (the store's state; nil before the first model).
    public func state() async throws(EngineError) -> ModelState? {
        do { return try await store.modelState() } catch { throw Self.map(error) }
    }

    /// Makes `version` the active model. A candidate must have passed its gate
    /// (one never judged is judged now), a retired version may come back; a
    /// rejected one (a failed gate, or a rollback from it) needs `force`, which is audited as such.
    public func promote(_ version: String, force: Bool = false, by principal: Principal) async throws(EngineError) -> PromotionOutcome {
        let record: ModelVersionRecord
        let state: ModelState?
        do throws(StoreError) {
            guard let found = try await store.modelVersion(version) else { throw StoreError.notFound("model \(version)") }
            record = found
            state = try await store.modelState()
        } catch { throw Self.map(error) }
        guard record.status != .active || state?.activeVersion != version else { throw .conflict("model \(version) is already active") }
        let model = try repository().load(version)
        let current = try await effectiveBot()
        try ServingState.check(model: model, bot: current.bot, addedIntents: Set(current.added.map(\.name)))
        var report: GateReport?
        var passed = record.gatePassed
        if record.status == .candidate, passed == nil, let active = state?.activeVersion {
            report = try await judge(candidate: model, against: repository().load(active), bot: current.bot)
            passed = report?.passed
            try await storeGate(report!, version: version, by: principal)
        }
        // A rejected version (refused by its gate, or rolled back from) needs force even if a gate once passed it.
        let allowed = record.status == .retired || (record.status != .rejected && passed == true)
        guard allowed || force else {
            let why = record.status == .rejected ? "was rejected" : "has not passed the gate"
            throw .conflict("model \(version) \(why); promote it with --force (audited) if you must")
        }
        let kind: ModelPromotion.Kind = allowed ? .promote : .force
        return try await activate(version, kind: kind, previous: state?.activeVersion, by: principal, details: [
            "forced": String(kind == .force), "gate": passed.map { $0 ? "passed" : "failed" } ?? "none",
        ], report: report)
    }

    /// Returns to the model that was active before the current one was promoted.
    public func rollback(by principal: Principal) async throws(EngineError) -> PromotionOutcome {
        let target: String?
        let state: ModelState?
        do {
            target = try await store.rollbackTarget()
            state = try await store.modelState()
        } catch { throw Self.map(error) }
        guard let target, let active = state?.activeVersion else { throw .conflict("there is no earlier model to roll back to") }
        let model: NLUModel
        do { model = try repository().load(target) } catch {
            throw .conflict("model \(target) cannot be loaded (\(error.description)); promote another version")
        }
        let current = try await effectiveBot()
        try ServingState.check(model: model, bot: current.bot, addedIntents: Set(current.added.map(\.name)))
        return try await activate(target, kind: .rollback, previous: active, by: principal, details: ["from": active], report: nil)
    }

    /// Runs `version` in shadow beside the active model (nil stops shadow mode).
    public func shadow(_ version: String?, by principal: Principal) async throws(EngineError) -> ModelState {
        if let version {
            do throws(StoreError) {
                guard try await store.modelVersion(version) != nil else { throw StoreError.notFound("model \(version)") }
            } catch { throw Self.map(error) }
            let model = try repository().load(version)
            let current = try await effectiveBot()
            try ServingState.check(model: model, bot: current.bot, addedIntents: Set(current.added.map(\.name)))
            if try await state()?.activeVersion == version { throw .conflict("model \(version) is the active model") }
        }
        let event = principal.event(version == nil ? "model.shadow_stop" : "model.shadow", target: version.flatMap(Self.target(model:)))
        do { return try await store.setShadowModel(version, now: clock(), audit: audit.appends([event])) } catch { throw Self.map(error) }
    }

    /// The shadow candidate's comparison with the active model on live traffic
    /// so far (the current shadow, or `candidate`).
    public func shadowReport(candidate: String? = nil) async throws(EngineError) -> ShadowReport {
        let version: String
        if let candidate { version = candidate } else {
            guard let current = try await state()?.shadowVersion else { throw .notFound("shadow model (none is running; start one with 'parley models shadow VERSION')") }
            version = current
        }
        do { return ShadowReport(candidate: version, tallies: try await store.shadowTallies(candidate: version)) } catch { throw Self.map(error) }
    }

    func activate(
        _ version: String, kind: ModelPromotion.Kind, previous: String?, by principal: Principal, details: [String: String], report: GateReport?
    ) async throws(EngineError) -> PromotionOutcome {
        var details = details
        details["previous"] = previous ?? "none"
        let action = kind == .rollback ? "model.rollback" : "model.promote"
        let state: ModelState
        do {
            state = try await store.activateModel(
                version, kind: kind, by: principal.actor.rawValue, now: clock(),
                audit: audit.appends([principal.event(action, target: Self.target(model: version), details: details)])
            )
        } catch { throw Self.map(error) }
        // ACTIVE follows the store, for tools that read it (retention's archive).
        do { try repository().pointActive(at: version) } catch {
            logger.warning("the ACTIVE file could not be updated; the store's registry is authoritative", metadata: ["error": "\(error.description)"])
        }
        logger.notice("active model changed", metadata: [
            "model.version": "\(version)", "model.previous": "\(previous ?? "none")", "model.change": "\(kind.rawValue)",
            "model.generation": "\(state.generation)",
        ])
        return PromotionOutcome(version: version, previous: previous, kind: kind, generation: state.generation, report: report)
    }

    /// Registers model files the registry does not know (trained by an
    /// earlier Parley): the active one as active, the others as retired.
    func adoptUnregisteredFiles() async throws(EngineError) {
        guard let models else { return }
        let versions = try models.versions()
        let known: Set<String>
        let state: ModelState?
        do {
            known = Set(try await store.modelVersions().map(\.version))
            state = try await store.modelState()
        } catch { throw Self.map(error) }
        let pointer = try models.activeVersion()
        for version in versions where !known.contains(version) {
            guard let model = try? models.load(version) else { continue }
            let activate = state?.activeVersion == nil && version == pointer
            try await register(
                model, set: nil, parent: nil, status: activate ? .active : .retired, activation: activate ? .adopt : nil,
                by: .system, details: ["adopted": "true"]
            )
        }
    }

    /// Writes a trained model's registry entry, lineage and audit entry in one transaction.
    @discardableResult
    func register(
        _ model: NLUModel, set: TrainingSet?, parent: String?, status: ModelVersionRecord.Status, activation: ModelPromotion.Kind?,
        by principal: Principal, details: [String: String] = [:]
    ) async throws(EngineError) -> ModelVersionRecord {
        let metadata = model.metadata
        let hyperParameters = (try? JSONEncoder.sortedKeys().encode(metadata.hyperParameters)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let record = ModelVersionRecord(
            version: metadata.version, parent: parent, createdAt: metadata.createdAt, createdBy: principal.actor.rawValue, status: status,
            trainingDataSHA256: metadata.trainingDataHash, contentSHA256: metadata.contentHash,
            counts: set?.counts ?? ["examples": metadata.trainingExampleCount], hyperParameters: hyperParameters, intents: metadata.intents
        )
        var eventDetails = details
        eventDetails["examples"] = String(metadata.trainingExampleCount)
        eventDetails["intents"] = String(metadata.intents.count)
        eventDetails["training_data_sha256"] = metadata.trainingDataHash
        eventDetails["content_sha256"] = metadata.contentHash
        eventDetails["parent"] = parent ?? "none"
        for (source, count) in set?.counts ?? [:] { eventDetails["examples_\(source)"] = String(count) }
        var events = [principal.event("model.train", target: Self.target(model: metadata.version), details: eventDetails)]
        if let activation { events.append(principal.event("model.activate", target: Self.target(model: metadata.version), details: ["kind": activation.rawValue])) }
        do {
            try await store.registerModel(record, labels: set?.trainingLabels ?? [], activation: activation, now: clock(), audit: audit.appends(events))
        } catch { throw Self.map(error) }
        if activation != nil {
            do { try repository().pointActive(at: metadata.version) } catch {
                logger.warning("the ACTIVE file could not be updated; the store's registry is authoritative", metadata: ["error": "\(error.description)"])
            }
        }
        return record
    }
}

extension JSONEncoder {
    /// Keys sorted, for stable stored JSON.
    static func sortedKeys() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
