import Foundation
import GRDB

extension Store {
    /// Registers a trained model with its lineage, in one transaction with its
    /// audit entries: the labelled turns it was trained on (label level) and
    /// the examples per subject (``recordModelLineage(version:examples:)``'s
    /// table, which erasures read). With `activation`, it becomes the active
    /// model in the same transaction.
    @discardableResult
    public func registerModel(
        _ record: ModelVersionRecord, labels: [LabelledExample], activation: ModelPromotion.Kind? = nil, now: Date, audit: [AuditAppend]
    ) async throws(StoreError) -> ModelState {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM model_version WHERE version = ?)", arguments: [record.version]) == true {
                throw StoreError.conflict("model \(record.version) is already registered")
            }
            try Self.insert(record, db)
            var perSubject: [String: Int] = [:]
            for example in labels {
                perSubject[example.subjectID, default: 0] += 1
                try db.execute(sql: """
                    INSERT OR IGNORE INTO model_label (model_version, turn_id, conversation_id, seq, source, intent) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [record.version, example.label.turnID, example.label.conversationID, example.label.seq,
                                     example.label.source.rawValue, example.label.intent])
            }
            for (subject, count) in perSubject.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO model_lineage (model_version, subject_id, examples) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET examples = excluded.examples",
                    arguments: [record.version, subject, count]
                )
            }
            if let activation {
                try Self.activate(record.version, kind: activation, by: record.createdBy, forced: false, now: now, db)
            }
            try Self.appendAudit(audit, db)
            return try Self.modelState(db) ?? ModelState(generation: 0, activeVersion: nil, shadowVersion: nil, updatedAt: now)
        }
    }

    /// Every registered version, newest first.
    public func modelVersions() async throws(StoreError) -> [ModelVersionRecord] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM model_version ORDER BY created_at DESC, version DESC").map(Self.modelVersion) }
    }

    public func modelVersion(_ version: String) async throws(StoreError) -> ModelVersionRecord? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM model_version WHERE version = ?", arguments: [version]).map(Self.modelVersion) }
    }

    /// Stores a gate report on a version; a failed gate rejects a candidate.
    public func recordGate(version: String, report: String, passed: Bool, audit: [AuditAppend]) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: """
                UPDATE model_version SET gate = ?, gate_passed = ?,
                    status = CASE WHEN status = 'candidate' AND NOT ? THEN 'rejected' ELSE status END
                WHERE version = ?
                """, arguments: [report, passed, passed, version])
            guard db.changesCount == 1 else { throw StoreError.notFound("model \(version)") }
            try Self.appendAudit(audit, db)
        }
    }

    /// Makes `version` the active model: the previous one is retired (or
    /// rejected, when rolled back from), the generation moves on, and the
    /// change and its audit entries are written in one transaction.
    @discardableResult
    public func activateModel(
        _ version: String, kind: ModelPromotion.Kind, by: String, now: Date, audit: [AuditAppend]
    ) async throws(StoreError) -> ModelState {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM model_version WHERE version = ?)", arguments: [version]) == true else {
                throw StoreError.notFound("model \(version)")
            }
            try Self.activate(version, kind: kind, by: by, forced: kind == .force, now: now, db)
            try Self.appendAudit(audit, db)
            guard let state = try Self.modelState(db) else { throw StoreError.database("the model state was not written") }
            return state
        }
    }

    /// Sets (or clears) the model that runs in shadow beside the active one.
    @discardableResult
    public func setShadowModel(_ version: String?, now: Date, audit: [AuditAppend]) async throws(StoreError) -> ModelState {
        try await write { db in
            if let version, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM model_version WHERE version = ?)", arguments: [version]) != true {
                throw StoreError.notFound("model \(version)")
            }
            try db.execute(sql: """
                INSERT INTO model_state (id, generation, active_version, shadow_version, updated_at) VALUES (1, 1, NULL, ?, ?)
                ON CONFLICT(id) DO UPDATE SET generation = generation + 1, shadow_version = excluded.shadow_version, updated_at = excluded.updated_at
                """, arguments: [version, now])
            try Self.appendAudit(audit, db)
            guard let state = try Self.modelState(db) else { throw StoreError.database("the model state was not written") }
            return state
        }
    }

    /// What serves now; nil before the registry was first used.
    public func modelState() async throws(StoreError) -> ModelState? {
        try await read { db in try Self.modelState(db) }
    }

    /// Changes of the active model, newest first.
    public func modelPromotions(limit: Int = 100) async throws(StoreError) -> [ModelPromotion] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM model_promotion ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                ModelPromotion(
                    id: row["id"], version: row["version"], previous: row["previous"],
                    kind: ModelPromotion.Kind(rawValue: row["kind"]) ?? .promote, by: row["by"], at: row["at"]
                )
            }
        }
    }

    /// The version a rollback returns to: the one that was active before the
    /// active model was promoted (rollbacks walk back, never forth).
    public func rollbackTarget() async throws(StoreError) -> String? {
        try await read { db in
            guard let active = try Self.modelState(db)?.activeVersion else { return nil }
            return try String.fetchOne(db, sql: """
                SELECT previous FROM model_promotion WHERE version = ? AND kind != 'rollback' ORDER BY id DESC LIMIT 1
                """, arguments: [active])
        }
    }

    /// The labelled turns `version` was trained on (they go with their turns when erased).
    public func modelLabels(_ version: String) async throws(StoreError) -> [ModelLabel] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM model_label WHERE model_version = ? ORDER BY conversation_id, seq", arguments: [version]).map { row in
                ModelLabel(conversationID: row["conversation_id"], seq: row["seq"], source: LabelSource(rawValue: row["source"]) ?? .correction, intent: row["intent"])
            }
        }
    }

    /// Sets a version's status (a candidate that will not be promoted, a file removed).
    public func setModelStatus(_ version: String, to status: ModelVersionRecord.Status) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "UPDATE model_version SET status = ? WHERE version = ?", arguments: [status.rawValue, version])
        }
    }

    static func activate(_ version: String, kind: ModelPromotion.Kind, by: String, forced: Bool, now: Date, _ db: Database) throws {
        let previous = try modelState(db)?.activeVersion
        let demoted = kind == .rollback ? "rejected" : "retired"
        if let previous, previous != version {
            try db.execute(sql: "UPDATE model_version SET status = ? WHERE version = ?", arguments: [demoted, previous])
        }
        try db.execute(
            sql: "UPDATE model_version SET status = 'active', promoted_by = ?, promoted_at = ?, forced = ? WHERE version = ?",
            arguments: [by, now, forced, version]
        )
        try db.execute(sql: """
            INSERT INTO model_state (id, generation, active_version, shadow_version, updated_at) VALUES (1, 1, ?, NULL, ?)
            ON CONFLICT(id) DO UPDATE SET generation = generation + 1, active_version = excluded.active_version,
                shadow_version = CASE WHEN shadow_version = excluded.active_version THEN NULL ELSE shadow_version END,
                updated_at = excluded.updated_at
            """, arguments: [version, now])
        try db.execute(
            sql: "INSERT INTO model_promotion (version, previous, kind, by, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [version, previous, kind.rawValue, by, now]
        )
    }

    static func modelState(_ db: Database) throws -> ModelState? {
        try Row.fetchOne(db, sql: "SELECT * FROM model_state WHERE id = 1").map { row in
            ModelState(generation: row["generation"], activeVersion: row["active_version"], shadowVersion: row["shadow_version"], updatedAt: row["updated_at"])
        }
    }

    static func insert(_ record: ModelVersionRecord, _ db: Database) throws {
        let counts = String(decoding: try Self.sortedJSONEncoder().encode(record.counts), as: UTF8.self)
        let intents = String(decoding: try Self.sortedJSONEncoder().encode(record.intents), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO model_version (version, parent, created_at, created_by, status, training_data_sha256, content_sha256, counts,
                                       hyper_parameters, intents, gate, gate_passed, promoted_by, promoted_at, forced)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                record.version, record.parent, record.createdAt, record.createdBy, record.status.rawValue, record.trainingDataSHA256,
                record.contentSHA256, counts, record.hyperParameters, intents, record.gate, record.gatePassed, record.promotedBy,
                record.promotedAt, record.forced,
            ])
    }

    static func modelVersion(_ row: Row) throws -> ModelVersionRecord {
        let decoder = JSONDecoder()
        return ModelVersionRecord(
            version: row["version"], parent: row["parent"], createdAt: row["created_at"], createdBy: row["created_by"],
            status: ModelVersionRecord.Status(rawValue: row["status"]) ?? .retired,
            trainingDataSHA256: row["training_data_sha256"], contentSHA256: row["content_sha256"],
            counts: (try? decoder.decode([String: Int].self, from: Data((row["counts"] as String).utf8))) ?? [:],
            hyperParameters: row["hyper_parameters"],
            intents: (try? decoder.decode([String].self, from: Data((row["intents"] as String).utf8))) ?? [],
            gate: row["gate"], gatePassed: row["gate_passed"], promotedBy: row["promoted_by"], promotedAt: row["promoted_at"],
            forced: row["forced"]
        )
    }
}

extension Store {
    /// An encoder with sorted keys, for stable stored JSON.
    static func sortedJSONEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
