import Foundation
import Logging
import ParleyAudit
import ParleyCrypto
import ParleyRetention
import ParleyStore

/// Retention, legal holds, erasure and access requests, composed for one
/// installation: the policy file, the store, the audit trail, the models.
public struct RetentionServices: Sendable {
    /// The retention policy file, `policies/retention.yml`.
    public let policyURL: URL
    public let runner: RetentionRunner
    public let holds: LegalHolds
    public let erasure: Erasure
    public let access: SubjectAccess
    let store: Store
    let audit: AuditTrail
    let logger: Logger

    init(policyURL: URL, store: Store, audit: AuditTrail, models: ModelRepository, referenceKey: SymmetricKey, chunkSize: Int, logger: Logger) {
        self.policyURL = policyURL
        self.store = store
        self.audit = audit
        self.logger = logger
        var runner = RetentionRunner(store: store, audit: audit, models: ModelDirectoryArchive(repository: models))
        runner.chunkSize = chunkSize
        self.runner = runner
        holds = LegalHolds(store: store, audit: audit)
        erasure = Erasure(store: store, audit: audit, referenceKey: referenceKey) { [audit] sequence in
            try await audit.receipt(forSequence: sequence).text
        }
        access = SubjectAccess(store: store, audit: audit, erasure: erasure)
    }

    /// The policy in `policyURL` (or `url`), checked.
    public func policy(at url: URL? = nil) throws(EngineError) -> RetentionPolicy {
        try RetentionPolicyReader.load(url ?? policyURL)
    }

    /// Records the policy's hash in the audit log when it differs from the last recorded one.
    public func recordPolicy(_ policy: RetentionPolicy, by principal: Principal) async throws(EngineError) {
        let event = principal.event("policy.change", details: ["file": policyURL.lastPathComponent, "sha256": policy.sha256])
        do {
            try await store.recordPolicyHash(policyURL.lastPathComponent, sha256: policy.sha256, now: Date()) { [audit] in audit.appends([event]) }
        } catch { throw .storage(error.description) }
    }

    /// What a run would do now (a dry run); with `proposed`, beside what a proposed policy would do.
    public func plan(proposed: URL? = nil, by principal: Principal) async throws(EngineError) -> (plan: RetentionPlan, difference: RetentionPlanDifference?) {
        let current = try policy()
        try await recordPolicy(current, by: principal)
        let now = Date()
        let plan = try await Self.engine { () throws(RetentionError) in try await runner.plan(current, asOf: now) }
        guard let proposed else { return (plan, nil) }
        let other = try policy(at: proposed)
        let alternative = try await Self.engine { () throws(RetentionError) in try await runner.plan(other, asOf: now) }
        return (plan, RetentionPlanDifference(current: plan, proposed: alternative))
    }

    /// Applies the policy now.
    public func apply(by principal: Principal) async throws(EngineError) -> RetentionRunner.Result {
        let current = try policy()
        try await recordPolicy(current, by: principal)
        let result = try await Self.engine { () throws(RetentionError) in try await runner.apply(current, by: principal.requester, asOf: Date()) }
        logger.info("retention run finished", metadata: [
            "retention.run": "\(result.runID)", "retention.removed": "\(result.plan.removals)",
            "retention.seconds": "\(String(format: "%.2f", result.seconds))",
        ])
        return result
    }

    public func runs(limit: Int = 50) async throws(EngineError) -> [RetentionRunRecord] {
        do { return try await store.retentionRuns(limit: limit) } catch { throw .storage(error.description) }
    }

    public func addHold(_ request: LegalHolds.Request, by principal: Principal) async throws(EngineError) -> LegalHoldRecord {
        try await Self.engine { () throws(RetentionError) in try await holds.add(request, by: principal.requester) }
    }

    public func listHolds(activeOnly: Bool = false) async throws(EngineError) -> [LegalHoldRecord] {
        try await Self.engine { () throws(RetentionError) in try await holds.list(activeOnly: activeOnly) }
    }

    public func releaseHold(id: String, by principal: Principal) async throws(EngineError) -> LegalHoldRecord {
        try await Self.engine { () throws(RetentionError) in try await holds.release(id: id, by: principal.requester) }
    }

    public func erase(customerID: String, requestID: String?, by principal: Principal) async throws(EngineError) -> Erasure.Outcome {
        try await Self.engine { () throws(RetentionError) in try await erasure.erase(customerID: customerID, requestID: requestID, by: principal.requester) }
    }

    public func erasureRequests() async throws(EngineError) -> [ErasureRequestRecord] {
        do { return try await store.erasureRequests() } catch { throw .storage(error.description) }
    }

    public func erasureRequest(id: String) async throws(EngineError) -> ErasureRequestRecord {
        let record: ErasureRequestRecord?
        do { record = try await store.erasureRequest(id: id) } catch { throw .storage(error.description) }
        guard let record else { throw .notFound("erasure \(id)") }
        return record
    }

    public func export(customerID: String, includeVault: Bool, by principal: Principal) async throws(EngineError) -> SubjectAccessDocument {
        let current = try policy()
        return try await Self.engine { () throws(RetentionError) in
            try await access.export(customerID: customerID, includeVault: includeVault, policy: current, by: principal.requester)
        }
    }

    /// Run at every start, before anything serves: applies the erasure log
    /// again (a restored backup or keyring), finishes interrupted erasures and
    /// retention runs.
    public func startUp() async throws(EngineError) {
        let reapplied = try await Self.engine { () throws(RetentionError) in try await erasure.reapplyLog() }
        if reapplied.changedAnything {
            logger.warning("erasures applied again to restored data", metadata: [
                "erasure.keys_destroyed": "\(reapplied.keysDestroyed)", "erasure.conversations": "\(reapplied.conversationsDeleted)",
                "erasure.crm_customers": "\(reapplied.crmRecordsDeleted)",
            ])
        }
        let erasures = try await Self.engine { () throws(RetentionError) in try await erasure.resumeInterrupted(by: .system) }
        if !erasures.isEmpty { logger.notice("finished interrupted erasures", metadata: ["erasure.count": "\(erasures.count)"]) }
        let runs = try await Self.engine { () throws(RetentionError) in
            try await runner.resumeInterrupted { (text, _) throws(RetentionError) in
                do { return try RetentionPolicyReader.read(text, file: "(policy of an interrupted run)") } catch {
                    throw .invalidRequest(String(describing: error))
                }
            }
        }
        if !runs.isEmpty { logger.notice("finished interrupted retention runs", metadata: ["retention.runs": "\(runs.count)"]) }
    }

    /// Runs `body`, mapping the retention module's errors to the engine's.
    static func engine<T>(_ body: () async throws(RetentionError) -> T) async throws(EngineError) -> T {
        do { return try await body() } catch { throw EngineError(error) }
    }
}

extension EngineError {
    init(_ error: RetentionError) {
        switch error {
        case let .invalidRule(rule, key, reason): self = .invalidInput("rule '\(rule)', key '\(key)': \(reason)")
        case let .invalidRequest(reason): self = .invalidInput(reason)
        case let .notFound(what): self = .notFound(what)
        case let .conflict(reason): self = .conflict(reason)
        case let .erased(what): self = .gone("\(what) was erased; nothing of theirs is held")
        case let .storage(reason): self = .storage(reason)
        case let .audit(reason): self = .storage(reason)
        }
    }
}
