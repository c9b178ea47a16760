import Foundation
import GRDB
import ParleyCrypto

extension Store {
    /// The conversation and its unsealed tracker, or nil when it does not exist.
    public func loadConversation(_ id: String) async throws(StoreError) -> LoadedConversation? {
        guard let record = try await read({ db in try ConversationRecord.fetch(db, id: id) }) else { return nil }
        guard let sealed = record.sealedTracker else { return LoadedConversation(record: record, tracker: nil) }
        let key = try await subjectKey(record.subjectID)
        do {
            let tracker = try SealedField.open(sealed, key: key, context: SealedField.tracker(id))
            return LoadedConversation(record: record, tracker: Data(tracker))
        } catch {
            throw Self.map(error)
        }
    }

    /// Writes one turn atomically. A new conversation gets its subject (the
    /// customer's, or its own); a known customer named for the first time
    /// takes over the conversation (its turns are re-sealed under the
    /// customer's key and the conversation's own key is shredded).
    @discardableResult
    public func commit(_ commit: TurnCommit) async throws(StoreError) -> [Int] {
        // Refused whole, before any write (its subject and key included), when the disk is nearly full.
        try space?.requireReserve()
        var existing: ConversationRecord?
        switch commit.snapshot {
        case .absent: existing = nil
        case let .present(record): existing = record
        case nil: existing = try await read { db in try ConversationRecord.fetch(db, id: commit.conversationID) }
        }
        if let current = existing, current.channel != nil, current.channel != commit.channel {
            throw .conflict(Self.unavailable(commit.conversationID))
        }
        if let current = existing, let customerID = commit.customerID, current.customerID != customerID {
            guard current.customerID == nil else { throw .conflict(Self.unavailable(commit.conversationID)) }
            existing = try await link(current, toCustomer: customerID, now: commit.now, audit: commit.linkAudit)
        }
        let subjectID: String
        if let existing {
            subjectID = existing.subjectID
        } else if let customerID = commit.customerID {
            subjectID = try await subject(forCustomer: customerID, now: commit.now)
        } else {
            subjectID = try await newSubject(customerID: nil, now: commit.now)
        }
        let key = try await subjectKey(subjectID)
        let sealedTracker: Data
        do {
            sealedTracker = try SealedField.seal(commit.tracker, key: key, context: SealedField.tracker(commit.conversationID))
        } catch {
            throw Self.map(error)
        }
        let created = existing?.createdAt ?? commit.now
        return try await groupWrite { db in
            var conversation = try ConversationRecord.fetch(db, id: commit.conversationID) ?? ConversationRecord(
                id: commit.conversationID, subjectID: subjectID, customerID: commit.customerID, channel: commit.channel,
                status: .bot, sealedTracker: nil, turnCount: 0, createdAt: created, updatedAt: commit.now
            )
            // Checked again inside the write: another process may have started it meanwhile.
            if let channel = conversation.channel, channel != commit.channel {
                throw StoreError.conflict(Self.unavailable(commit.conversationID))
            }
            // The turn is sealed under the key read before this transaction: if the
            // conversation moved to another subject meanwhile, that key is the wrong one.
            try Self.requireSubject(subjectID, of: conversation)
            var seqs: [Int] = []
            var firstCustomerTurn: Int64?
            var turns: [TurnRecord] = []
            var vault: [(seq: Int, type: String, sealed: Data)] = []
            for message in commit.messages {
                let seq = conversation.turnCount + 1 + turns.count
                for item in message.vaulted {
                    vault.append((seq, item.type, try SealedField.sealString(item.value, key: key, context: SealedField.vault(commit.conversationID, seq, item.type))))
                }
                let sealed = try SealedField.sealString(message.text, key: key, context: SealedField.turn(commit.conversationID, seq))
                turns.append(TurnRecord(
                    id: nil, conversationID: commit.conversationID, seq: seq, role: message.role.rawValue,
                    sealedText: sealed, intent: message.intent, confidence: message.confidence,
                    author: message.author, createdAt: commit.now
                ))
            }
            conversation.status = commit.status
            conversation.sealedTracker = sealedTracker
            conversation.turnCount += turns.count
            conversation.updatedAt = commit.now
            try conversation.write(db)
            for var turn in turns {
                try turn.append(db)
                seqs.append(turn.seq)
                if turn.role == Role.customer.rawValue, firstCustomerTurn == nil { firstCustomerTurn = turn.id }
            }
            try Self.appendAudit(commit.audit(conversation.subjectID), db)
            for item in vault {
                try db.run(
                    "INSERT INTO pii_vault (conversation_id, turn_seq, entity_type, value, created_at) VALUES (?, ?, ?, ?, ?)",
                    [commit.conversationID, item.seq, item.type, item.sealed, commit.now]
                )
            }
            if let idempotency = commit.idempotency {
                try Self.insertIdempotentReply(idempotency, conversationID: commit.conversationID, key: key, now: commit.now, db)
            }
            if let review = commit.review, let turnID = firstCustomerTurn, let turn = turns.first(where: { $0.role == Role.customer.rawValue }) {
                try Self.recordReview(review, turnID: turnID, conversationID: commit.conversationID, seq: turn.seq, now: commit.now, db)
            }
            if let handoff = commit.handoff {
                var record = HandoffRecord(
                    id: nil, conversationID: commit.conversationID, queue: handoff.queue, reason: handoff.reason,
                    rule: handoff.rule, status: .waiting, turnID: firstCustomerTurn, claimedBy: nil,
                    createdAt: commit.now, claimedAt: nil, resolvedAt: nil
                )
                try record.insert(db)
            }
            return seqs
        }
    }

    /// Text is sealed under the subject key read before its write transaction:
    /// if the conversation moved to another subject meanwhile (an anonymous
    /// conversation linked to its customer), that key is the wrong one, and
    /// the old one is about to be shredded. The caller sends it again.
    static func requireSubject(_ subjectID: String, of conversation: ConversationRecord) throws(StoreError) {
        guard conversation.subjectID == subjectID else {
            throw .conflict("conversation \(conversation.id) changed while this was stored; send it again")
        }
    }

    /// One message for "someone else's conversation", whatever the reason, so
    /// that a caller learns nothing about who holds it.
    static func unavailable(_ conversationID: String) -> String {
        "conversation \(conversationID) is not available to this channel"
    }

    /// Moves an anonymous conversation to its customer's subject.
    private func link(
        _ conversation: ConversationRecord, toCustomer customerID: String, now: Date,
        audit: @escaping @Sendable (_ fromSubject: String, _ toSubject: String) -> [AuditAppend]
    ) async throws(StoreError) -> ConversationRecord {
        let oldSubject = conversation.subjectID
        let newSubject = try await subject(forCustomer: customerID, now: now)
        let oldKey = try await subjectKey(oldSubject)
        let newKey = try await subjectKey(newSubject)
        let linked = try await write { db -> ConversationRecord in
            var record = try ConversationRecord.fetch(db, id: conversation.id) ?? conversation
            try Self.requireSubject(oldSubject, of: record)
            let turns = try TurnRecord.filter(TurnRecord.Columns.conversationID == conversation.id).fetchAll(db)
            for var turn in turns where !turn.sealedText.isEmpty {
                let context = SealedField.turn(conversation.id, turn.seq)
                let text = try SealedField.open(turn.sealedText, key: oldKey, context: context)
                turn.sealedText = try SealedField.seal(text, key: newKey, context: context)
                try turn.update(db)
            }
            let vaultRows = try Row.fetchAll(db, sql: "SELECT id, turn_seq, entity_type, value FROM pii_vault WHERE conversation_id = ?", arguments: [conversation.id])
            for row in vaultRows {
                let context = SealedField.vault(conversation.id, row["turn_seq"], row["entity_type"])
                let value = try SealedField.open(row["value"], key: oldKey, context: context)
                try db.execute(sql: "UPDATE pii_vault SET value = ? WHERE id = ?", arguments: [try SealedField.seal(value, key: newKey, context: context), row["id"] as Int64])
            }
            let notes = try Row.fetchAll(db, sql: "SELECT id, handoff_id, note FROM feedback WHERE conversation_id = ? AND note IS NOT NULL", arguments: [conversation.id])
            for row in notes {
                let context = SealedField.note(conversation.id, handoffID: row["handoff_id"] as Int64)
                let note = try SealedField.open(row["note"], key: oldKey, context: context)
                try db.execute(sql: "UPDATE feedback SET note = ? WHERE id = ?", arguments: [try SealedField.seal(note, key: newKey, context: context), row["id"] as Int64])
            }
            let agentNotes = try Row.fetchAll(db, sql: "SELECT id, text FROM agent_note WHERE conversation_id = ?", arguments: [conversation.id])
            for row in agentNotes {
                let context = SealedField.agentNote(conversation.id, row["id"])
                let note = try SealedField.open(row["text"], key: oldKey, context: context)
                try db.execute(sql: "UPDATE agent_note SET text = ? WHERE id = ?", arguments: [try SealedField.seal(note, key: newKey, context: context), row["id"] as String])
            }
            if let tracker = record.sealedTracker {
                let context = SealedField.tracker(conversation.id)
                record.sealedTracker = try SealedField.seal(SealedField.open(tracker, key: oldKey, context: context), key: newKey, context: context)
            }
            record.subjectID = newSubject
            record.customerID = customerID
            try record.update(db)
            try db.execute(sql: "UPDATE subject SET erased_at = ? WHERE id = ?", arguments: [now, oldSubject])
            try Self.appendAudit(audit(oldSubject, newSubject), db)
            return record
        }
        try await shred(subjectID: oldSubject, now: now)
        return linked
    }

    /// The stored, redacted transcript; text of an erased subject, or removed by retention, reads as nil.
    public func transcript(_ conversationID: String, afterSeq: Int = 0) async throws(StoreError) -> (ConversationRecord, [StoredTurn])? {
        let loaded = try await read { db -> (ConversationRecord, [TurnRecord])? in
            guard let conversation = try ConversationRecord.fetch(db, id: conversationID) else { return nil }
            let turns = try TurnRecord
                .filter(TurnRecord.Columns.conversationID == conversationID && TurnRecord.Columns.seq > afterSeq)
                .order(TurnRecord.Columns.seq)
                .fetchAll(db)
            return (conversation, turns)
        }
        guard let (conversation, turns) = loaded else { return nil }
        let key: SymmetricKey?
        do { key = try await keyring.key(for: conversation.subjectID) } catch { throw Self.map(error) }
        var result: [StoredTurn] = []
        for turn in turns {
            var text: String?
            // Empty: the text was removed by retention (anonymized, or an agent reply past its period).
            if let key, !turn.sealedText.isEmpty {
                do {
                    text = try SealedField.openString(turn.sealedText, key: key, context: SealedField.turn(conversationID, turn.seq))
                } catch {
                    throw Self.map(error)
                }
            }
            result.append(StoredTurn(
                seq: turn.seq, role: Role(rawValue: turn.role) ?? .bot, text: text, intent: turn.intent,
                confidence: turn.confidence, author: turn.author, at: turn.createdAt
            ))
        }
        return (conversation, result)
    }
}
