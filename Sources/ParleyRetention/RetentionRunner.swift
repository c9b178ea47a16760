import Foundation
import ParleyAudit
import ParleyCrypto
import ParleyStore

/// Plans and applies a retention policy. A run walks each category a page at
/// a time and removes what is due in chunks of ``chunkSize`` items, each its
/// own short transaction, yielding between chunks so that turns keep flowing.
/// Holds are read again for every page, so a hold added during a run counts
/// from the next page on. A run is recorded when it starts (policy text and
/// the time ages are measured from); one killed halfway is finished by
/// ``resumeInterrupted(policy:)`` with the same policy and time: removals are
/// idempotent, so finishing it removes exactly what the whole run would have.
public struct RetentionRunner: Sendable {
    public let store: Store
    public let audit: AuditTrail
    public let models: (any ModelArchive)?
    public var chunkSize = 100
    public var pageSize = 1_000
    /// After each chunk the run pauses this many times as long as the chunk
    /// took (1: the run uses at most half of the writer's time), so that turns
    /// waiting to be written never queue behind a run of chunks.
    public var pause = 1.0
    /// Categories in the order a run walks them: the parts of conversations
    /// first, conversations after (removing one removes its parts), so that a
    /// run removes per category exactly what its plan counted.
    public static let order: [DataCategory] = [.vault, .agentNotes, .feedback, .handoffs, .crm, .conversations, .models, .audit]
    /// Newest model versions kept when no rule says otherwise.
    public static let defaultKeepLatestModels = 3

    public init(store: Store, audit: AuditTrail, models: (any ModelArchive)?) {
        self.store = store
        self.audit = audit
        self.models = models
    }

    /// What applying `policy` at `asOf` would remove; nothing changes.
    public func plan(_ policy: RetentionPolicy, asOf: Date) async throws(RetentionError) -> RetentionPlan {
        var plan = RetentionPlan(asOf: asOf, policySHA256: policy.sha256, categories: [])
        for category in Self.order where !policy.rules(for: category).isEmpty {
            plan.categories.append(try await walk(category, policy, asOf: asOf, act: false).plan)
        }
        plan.retrain = try await retrain(policy, asOf: asOf)
        return plan
    }

    /// What a finished run did.
    public struct Result: Sendable, Hashable, Codable {
        public var runID: String
        public var plan: RetentionPlan
        public var counts: [DataCategory: RetentionCounts]
        public var seconds: Double
        public var resumed: Bool

        enum CodingKeys: String, CodingKey {
            case runID = "run_id", plan, counts, seconds, resumed
        }
    }

    /// Applies `policy` with ages measured at `asOf`, recorded as a run and, at
    /// its end, as one audit entry (policy hash, counts, duration; no ids of customers).
    public func apply(_ policy: RetentionPolicy, by requester: Requester, asOf: Date) async throws(RetentionError) -> Result {
        let run = RetentionRunRecord(
            id: "ret_" + (try Self.randomHex()), policySHA256: policy.sha256, policy: policy.text, asOf: asOf,
            startedBy: requester.actor.rawValue, startedAt: Date()
        )
        do { try await store.startRetentionRun(run) { [] } } catch { throw .storage(error.description) }
        return try await carryOut(run, policy, by: requester, resumed: false)
    }

    /// Finishes runs that were interrupted (status running), each with the
    /// policy it was started with; `policy` rebuilds a policy from its text.
    public func resumeInterrupted(policy: (String, String) throws(RetentionError) -> RetentionPolicy) async throws(RetentionError) -> [Result] {
        let runs: [RetentionRunRecord]
        do { runs = try await store.retentionRuns(status: .running) } catch { throw .storage(error.description) }
        var results: [Result] = []
        for run in runs.reversed() {
            let rebuilt = try policy(run.policy, run.policySHA256)
            let requester = (try? AuditActor(rawValue: run.startedBy)).map { Requester(actor: $0, role: .system) } ?? .system
            results.append(try await carryOut(run, rebuilt, by: requester, resumed: true))
        }
        return results
    }

    private func carryOut(_ run: RetentionRunRecord, _ policy: RetentionPolicy, by requester: Requester, resumed: Bool) async throws(RetentionError) -> Result {
        let started = ContinuousClock.now
        var plan = RetentionPlan(asOf: run.asOf, policySHA256: policy.sha256, categories: [])
        var counts: [DataCategory: RetentionCounts] = [:]
        for category in Self.order where !policy.rules(for: category).isEmpty {
            let (categoryPlan, done) = try await walk(category, policy, asOf: run.asOf, act: true)
            plan.categories.append(categoryPlan)
            counts[category] = done
        }
        if !plan.categories.isEmpty { try await checkpoint() }
        plan.retrain = try await retrain(policy, asOf: run.asOf)
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        var details: [String: String] = [
            "run": run.id, "policy_sha256": policy.sha256, "as_of": Self.time(run.asOf),
            "duration_ms": String(Int((seconds * 1000).rounded())), "resumed": resumed ? "true" : "false",
        ]
        for category in plan.categories {
            let key = category.category.rawValue
            details["\(key).examined"] = String(category.examined)
            details["\(key).removed"] = String(category.removals)
            details["\(key).held"] = String(category.held.values.reduce(0, +))
            if let done = counts[category.category], done.subjectsShredded > 0 { details["\(key).keys_shredded"] = String(done.subjectsShredded) }
        }
        let encoded = Self.json(counts.map { ($0.key.rawValue, $0.value) })
        let event = requester.event("retention.apply", target: try? AuditTarget(kind: "retention_run", id: run.id), details: details)
        do {
            try await store.finishRetentionRun(id: run.id, counts: encoded, now: Date()) { [audit] in audit.appends([event]) }
        } catch { throw .storage(error.description) }
        return Result(runID: run.id, plan: plan, counts: counts, seconds: seconds, resumed: resumed)
    }

    /// Walks a category: decides every item and, when `act`, removes what is due.
    private func walk(_ category: DataCategory, _ policy: RetentionPolicy, asOf: Date, act: Bool) async throws(RetentionError) -> (plan: RetentionPlan.Category, counts: RetentionCounts) {
        var plan = RetentionPlan.Category(category: category)
        var counts = RetentionCounts()
        let rules = Dictionary(uniqueKeysWithValues: policy.rules(for: category).map { ($0.name, $0) })
        if category == .models { return try await walkModels(policy, rules: rules, asOf: asOf, act: act) }
        var cursor: RetentionCursor?
        repeat {
            let holds: HoldSet
            let page: (items: [RetentionItem], next: RetentionCursor?)
            do {
                holds = HoldSet(try await store.legalHolds(activeOnly: true))
                page = try await store.retentionItems(category, after: cursor, limit: pageSize)
            } catch { throw .storage(error.description) }
            var deletions: [String] = []
            var anonymizations: [String] = []
            for item in page.items {
                plan.examined += 1
                switch policy.decide(item, asOf: asOf, holds: holds) {
                case .keep: break
                case .retained: plan.retained += 1
                case let .held(ids):
                    // Counted only when a rule would remove it without the hold.
                    if case .delete = policy.decide(item, asOf: asOf, holds: .none) { for id in ids { plan.held[id, default: 0] += 1 } }
                    else if case .anonymize = policy.decide(item, asOf: asOf, holds: .none) { for id in ids { plan.held[id, default: 0] += 1 } }
                case let .delete(name):
                    if let rule = rules[name] { plan.count(item, rule: rule) }
                    deletions.append(item.id)
                case let .anonymize(name):
                    if let rule = rules[name] { plan.count(item, rule: rule) }
                    anonymizations.append(item.id)
                }
            }
            if act {
                do {
                    for chunk in Self.chunks(deletions, chunkSize) {
                        let started = ContinuousClock.now
                        counts.add(try await store.retentionDelete(category, ids: chunk, now: asOf))
                        try await settle(since: started)
                    }
                    for chunk in Self.chunks(anonymizations, chunkSize) {
                        let started = ContinuousClock.now
                        counts.add(try await store.retentionAnonymize(conversations: chunk, now: asOf))
                        try await settle(since: started)
                    }
                } catch let error as StoreError { throw .storage(error.description) } catch { throw .storage(String(describing: error)) }
            }
            cursor = page.next
        } while cursor != nil
        return (plan, counts)
    }

    /// Model versions: never the active one, never the newest `keep_latest`.
    private func walkModels(_ policy: RetentionPolicy, rules: [String: RetentionRule], asOf: Date, act: Bool) async throws(RetentionError) -> (plan: RetentionPlan.Category, counts: RetentionCounts) {
        var plan = RetentionPlan.Category(category: .models)
        var counts = RetentionCounts()
        guard let models else { return (plan, counts) }
        let listed: [ArchivedModel]
        do { listed = try models.models().sorted { $0.createdAt > $1.createdAt } } catch { throw .storage("cannot list models: \(error)") }
        let keepLatest = rules.values.compactMap(\.keepLatest).max() ?? Self.defaultKeepLatestModels
        for (index, model) in listed.enumerated() {
            plan.examined += 1
            let item = RetentionItem(category: .models, id: model.version, createdAt: model.createdAt)
            if model.isActive || index < keepLatest {
                plan.retained += 1
                continue
            }
            guard case let .delete(name) = policy.decide(item, asOf: asOf, holds: .none), let rule = rules[name] else { continue }
            plan.count(item, rule: rule)
            if act {
                do { try models.delete(version: model.version) } catch { throw .storage("cannot delete model \(model.version): \(error)") }
                counts.deleted += 1
            }
        }
        return (plan, counts)
    }

    /// Models trained on data erased since, and when a rule wants them replaced.
    private func retrain(_ policy: RetentionPolicy, asOf: Date) async throws(RetentionError) -> [RetentionPlan.Retrain] {
        let marks: [ModelErasureMark]
        do { marks = try await store.modelsTrainedOnErasedData() } catch { throw .storage(error.description) }
        guard !marks.isEmpty else { return [] }
        let present = Set((try? models?.models().map(\.version)) ?? marks.map(\.modelVersion))
        let active = Set((try? models?.models().filter(\.isActive).map(\.version)) ?? [])
        let within = policy.rules(for: .models).compactMap(\.retrainWithinDays).min()
        return marks.filter { present.contains($0.modelVersion) }.map { mark in
            let due = within.map { mark.firstMarkedAt.addingTimeInterval(Double($0) * 86_400) }
            return RetentionPlan.Retrain(
                version: mark.modelVersion, erasures: mark.erasureIDs, markedAt: mark.firstMarkedAt, due: due,
                overdue: active.contains(mark.modelVersion) && due.map { $0 <= asOf } == true
            )
        }
    }

    /// Between chunks: a passive checkpoint (so that the WAL the run grows is
    /// folded in by the run, not by a turn's commit that crosses the automatic
    /// checkpoint's threshold), then a pause as long as the chunk and checkpoint took.
    private func settle(since started: ContinuousClock.Instant) async throws {
        try await store.checkpointPassive()
        let spent = ContinuousClock.now - started
        if pause > 0 { try await Task.sleep(for: spent * pause) }
    }

    private func checkpoint() async throws(RetentionError) {
        do { try await store.checkpointAndTruncate() } catch { throw .storage(error.description) }
    }

    static func chunks(_ ids: [String], _ size: Int) -> [[String]] {
        stride(from: 0, to: ids.count, by: max(size, 1)).map { Array(ids[$0..<min($0 + max(size, 1), ids.count)]) }
    }

    static func randomHex() throws(RetentionError) -> String {
        do { return Hex.encode(try RandomBytes.generate(count: 8)) } catch { throw .storage("no random bytes: \(error)") }
    }

    /// The audit format's time spelling.
    static func time(_ date: Date) -> String {
        (try? AuditTime(date).description) ?? ISO8601DateFormatter().string(from: date)
    }

    static func json(_ counts: [(String, RetentionCounts)]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = Dictionary(uniqueKeysWithValues: counts)
        return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
