import Foundation
import GRDB
import ParleyCrypto

extension Store {
    /// Labels a customer turn (replacing its current label) and closes any open
    /// review item of that turn, in one transaction with the audit entries
    /// `audit` builds from the previous label. Entity offsets are checked
    /// against the turn's redacted text, unsealed in memory only.
    @discardableResult
    public func setLabel(
        _ label: NewLabel, now: Date, audit: @escaping @Sendable (_ previous: StoredLabel?, _ subjectID: String) -> [AuditAppend]
    ) async throws(StoreError) -> (label: StoredLabel, previous: StoredLabel?) {
        let turn = try await labelledTurn(conversationID: label.conversationID, seq: label.seq)
        let length = try await scalarCount(of: turn)
        for entity in label.entities {
            guard entity.start >= 0, entity.start < entity.end, entity.end <= length else {
                throw .invalid("entity '\(entity.entity)' must lie within the turn's text (0..<\(length) scalars)")
            }
        }
        let entities = String(decoding: (try? JSONEncoder().encode(label.entities)) ?? Data("[]".utf8), as: UTF8.self)
        return try await write { db in
            guard let current = try TurnRecord.fetchOne(db, key: turn.id), !current.sealedText.isEmpty else {
                throw StoreError.conflict("the turn's text was removed (erased or anonymized); it cannot be labelled")
            }
            let previous = try Self.label(db, turnID: turn.id)
            try db.execute(sql: "DELETE FROM label WHERE turn_id = ?", arguments: [turn.id])
            try db.execute(sql: """
                INSERT INTO label (turn_id, conversation_id, seq, source, intent, entities, predicted_intent, labelled_by, labelled_at, feedback_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    turn.id, label.conversationID, label.seq, label.source.rawValue, label.intent, entities, current.intent,
                    label.by, now, label.feedbackID,
                ])
            try db.execute(
                sql: "UPDATE review_item SET status = 'labelled', closed_at = ?, closed_by = ? WHERE turn_id = ? AND status = 'open'",
                arguments: [now, label.by, turn.id]
            )
            if label.proposesIntent {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO candidate_intent (name, status, proposed_by, proposed_at) VALUES (?, 'pending', ?, ?)",
                    arguments: [label.intent, label.by, now]
                )
            }
            guard let stored = try Self.label(db, turnID: turn.id) else { throw StoreError.database("the label was not stored") }
            try Self.appendAudit(audit(previous, turn.subjectID), db)
            return (stored, previous)
        }
    }

    /// The current label of a turn, if any.
    public func label(conversationID: String, seq: Int) async throws(StoreError) -> StoredLabel? {
        try await read { db in
            guard let turnID = try Int64.fetchOne(db, sql: "SELECT id FROM turn WHERE conversation_id = ? AND seq = ?", arguments: [conversationID, seq]) else {
                return nil
            }
            return try Self.label(db, turnID: turnID)
        }
    }

    /// Labels counted by intent and by source (no text is read).
    public func labelCounts() async throws(StoreError) -> [(intent: String, source: LabelSource, count: Int)] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT intent, source, count(*) AS n FROM label GROUP BY intent, source ORDER BY intent, source").compactMap { row in
                guard let source = LabelSource(rawValue: row["source"]) else { return nil }
                return (row["intent"], source, row["n"])
            }
        }
    }

    /// Every label with its turn's redacted text, for training. Labels whose
    /// text is gone (the subject's key was shredded, or retention removed the
    /// text) are left out: they can never train a model again.
    public func labelledExamples() async throws(StoreError) -> [LabelledExample] {
        let rows = try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.*, t.text AS sealed, c.subject_id FROM label l
                JOIN turn t ON t.id = l.turn_id JOIN conversation c ON c.id = l.conversation_id
                WHERE length(t.text) > 0 ORDER BY l.id
                """).map { row in (try Self.storedLabel(row), row["sealed"] as Data, row["subject_id"] as String) }
        }
        var keys: [String: SymmetricKey?] = [:]
        var examples: [LabelledExample] = []
        for (label, sealed, subjectID) in rows {
            if keys[subjectID] == nil {
                do { keys[subjectID] = .some(try await keyring.key(for: subjectID)) } catch { throw Self.map(error) }
            }
            guard let key = keys[subjectID] ?? nil else { continue }
            do {
                let text = try SealedField.openString(sealed, key: key, context: SealedField.turn(label.conversationID, label.seq))
                examples.append(LabelledExample(label: label, text: text, subjectID: subjectID))
            } catch {
                throw Self.map(error)
            }
        }
        return examples
    }

    /// Relabels every label of intent `from` as `to` (a candidate intent mapped
    /// onto an existing one); returns how many changed.
    static func relabel(_ db: Database, from: String, to: String) throws -> Int {
        try db.execute(sql: "UPDATE label SET intent = ? WHERE intent = ?", arguments: [to, from])
        return db.changesCount
    }

    struct LabelledTurn: Sendable {
        let id: Int64
        let subjectID: String
        let sealedText: Data
        let conversationID: String
        let seq: Int
    }

    /// The customer turn a label is for; any other turn is refused.
    func labelledTurn(conversationID: String, seq: Int) async throws(StoreError) -> LabelledTurn {
        let found = try await read { db -> (TurnRecord, String)? in
            guard let turn = try TurnRecord.filter(TurnRecord.Columns.conversationID == conversationID && TurnRecord.Columns.seq == seq).fetchOne(db),
                  let subject = try String.fetchOne(db, sql: "SELECT subject_id FROM conversation WHERE id = ?", arguments: [conversationID])
            else { return nil }
            return (turn, subject)
        }
        guard let (turn, subject) = found, let id = turn.id else { throw .notFound("turn \(seq) of conversation \(conversationID)") }
        guard turn.role == Role.customer.rawValue else { throw .invalid("only customer turns can be labelled (turn \(seq) is a \(turn.role) turn)") }
        guard !turn.sealedText.isEmpty else { throw .conflict("the turn's text was removed (erased or anonymized); it cannot be labelled") }
        return LabelledTurn(id: id, subjectID: subject, sealedText: turn.sealedText, conversationID: conversationID, seq: seq)
    }

    /// The length of a turn's redacted text in Unicode scalars (unsealed in memory).
    func scalarCount(of turn: LabelledTurn) async throws(StoreError) -> Int {
        let key: SymmetricKey?
        do { key = try await keyring.key(for: turn.subjectID) } catch { throw Self.map(error) }
        guard let key else { throw .conflict("the turn's text was erased; it cannot be labelled") }
        do {
            return try SealedField.openString(turn.sealedText, key: key, context: SealedField.turn(turn.conversationID, turn.seq)).unicodeScalars.count
        } catch {
            throw Self.map(error)
        }
    }

    static func label(_ db: Database, turnID: Int64) throws -> StoredLabel? {
        try Row.fetchOne(db, sql: "SELECT * FROM label WHERE turn_id = ?", arguments: [turnID]).map(storedLabel)
    }

    static func storedLabel(_ row: Row) throws -> StoredLabel {
        guard let source = LabelSource(rawValue: row["source"]) else { throw StoreError.database("a label has an unknown source") }
        let entities = (try? JSONDecoder().decode([LabelEntity].self, from: Data((row["entities"] as String).utf8))) ?? []
        return StoredLabel(
            id: row["id"], turnID: row["turn_id"], conversationID: row["conversation_id"], seq: row["seq"], source: source,
            intent: row["intent"], entities: entities, predictedIntent: row["predicted_intent"],
            labelledBy: row["labelled_by"], labelledAt: row["labelled_at"]
        )
    }
}
