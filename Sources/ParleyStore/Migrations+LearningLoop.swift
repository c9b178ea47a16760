import GRDB

extension Migrations {
    /// v10: the learning loop's tables (labels, the review queue, candidate
    /// intents, the model registry, label lineage, shadow tallies).
    static func learningLoop(_ db: Database) throws {
        // One current label per turn (its history is in the audit log). The
        // text is never copied: training opens the turn's sealed text, so a
        // label goes with its turn (erasure, retention) and a shredded key
        // drops it from training. Entities are offsets in the redacted text, never values.
        try db.create(table: "label") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("turn_id", .integer).notNull().unique().references("turn", onDelete: .cascade)
            t.column("conversation_id", .text).notNull().references("conversation", onDelete: .cascade).indexed()
            t.column("seq", .integer).notNull()
            t.column("source", .text).notNull().check(sql: "source IN ('feedback', 'review', 'correction')")
            t.column("intent", .text).notNull().indexed()
            t.column("entities", .text).notNull().defaults(to: "[]")
            t.column("predicted_intent", .text)
            t.column("labelled_by", .text).notNull()
            t.column("labelled_at", .datetime).notNull()
            t.column("feedback_id", .integer).references("feedback", onDelete: .cascade).indexed()
        }
        try db.execute(sql: """
            INSERT INTO label (turn_id, conversation_id, seq, source, intent, predicted_intent, labelled_by, labelled_at, feedback_id)
            SELECT f.turn_id, f.conversation_id, t.seq, 'feedback', f.correct_intent, f.predicted_intent, f.agent, f.created_at, f.id
            FROM feedback f JOIN turn t ON t.id = f.turn_id
            WHERE f.id = (SELECT max(g.id) FROM feedback g WHERE g.turn_id = f.turn_id)
            """)
        // Turns the bot was unsure of, for agents to label; one open item per
        // normalised redacted text (a keyed hash), repeats counted on it.
        try db.create(table: "review_item") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("turn_id", .integer).notNull().references("turn", onDelete: .cascade).indexed()
            t.column("conversation_id", .text).notNull().references("conversation", onDelete: .cascade).indexed()
            t.column("seq", .integer).notNull()
            t.column("text_key", .blob).notNull()
            t.column("reason", .text).notNull().check(sql: "reason IN ('low_confidence', 'ambiguous', 'fallback', 'handoff')")
            t.column("rule", .text)
            t.column("predicted_intent", .text)
            t.column("confidence", .double)
            t.column("margin", .double)
            t.column("occurrences", .integer).notNull().defaults(to: 1)
            t.column("status", .text).notNull().check(sql: "status IN ('open', 'labelled', 'dismissed')")
            t.column("created_at", .datetime).notNull()
            t.column("last_seen_at", .datetime).notNull()
            t.column("closed_at", .datetime)
            t.column("closed_by", .text)
        }
        try db.execute(sql: "CREATE UNIQUE INDEX review_item_open_key ON review_item(text_key) WHERE status = 'open'")
        try db.create(index: "review_item_on_status", on: "review_item", columns: ["status", "created_at"])
        // Intents named by labels before the domain knew them, and what an admin made of them.
        try db.create(table: "candidate_intent") { t in
            t.primaryKey("name", .text)
            t.column("status", .text).notNull().check(sql: "status IN ('pending', 'added', 'mapped')")
            t.column("proposed_by", .text).notNull()
            t.column("proposed_at", .datetime).notNull()
            t.column("mapped_to", .text)
            t.column("decided_by", .text)
            t.column("decided_at", .datetime)
        }
        // Intents an admin added to the domain (the bot's files stay as shipped), merged in at load.
        try db.create(table: "intent_overlay") { t in
            t.primaryKey("name", .text)
            t.column("response", .text)
            t.column("queue", .text)
            t.column("added_by", .text).notNull()
            t.column("added_at", .datetime).notNull()
        }
        // The model registry: every version, where it came from, how it was judged.
        try db.create(table: "model_version") { t in
            t.primaryKey("version", .text)
            t.column("parent", .text)
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('candidate', 'active', 'retired', 'rejected')")
            t.column("training_data_sha256", .text).notNull()
            t.column("content_sha256", .text).notNull()
            t.column("counts", .text).notNull()
            t.column("hyper_parameters", .text).notNull()
            t.column("intents", .text).notNull()
            t.column("gate", .text)
            t.column("gate_passed", .boolean)
            t.column("promoted_by", .text)
            t.column("promoted_at", .datetime)
            t.column("forced", .boolean).notNull().defaults(to: false)
        }
        // Every change of the active model, for rollback and for the record.
        try db.create(table: "model_promotion") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("version", .text).notNull()
            t.column("previous", .text)
            t.column("kind", .text).notNull().check(sql: "kind IN ('initial', 'adopt', 'train', 'promote', 'force', 'rollback')")
            t.column("by", .text).notNull()
            t.column("at", .datetime).notNull()
        }
        // The source of truth for what serves: the active and shadow versions and a
        // generation that every change bumps (running servers poll it).
        try db.create(table: "model_state") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("generation", .integer).notNull()
            t.column("active_version", .text)
            t.column("shadow_version", .text)
            t.column("updated_at", .datetime).notNull()
        }
        // Label-level lineage: the labelled turns each model was trained on.
        try db.create(table: "model_label") { t in
            t.column("model_version", .text).notNull()
            t.column("turn_id", .integer).notNull().references("turn", onDelete: .cascade).indexed()
            t.column("conversation_id", .text).notNull()
            t.column("seq", .integer).notNull()
            t.column("source", .text).notNull()
            t.column("intent", .text).notNull()
            t.primaryKey(["model_version", "turn_id"])
        }
        // Shadow mode: how a candidate's parses compared with the active model's (counts only, no text).
        try db.create(table: "shadow_tally") { t in
            t.column("candidate", .text).notNull()
            t.column("active", .text).notNull()
            t.column("active_intent", .text).notNull()
            t.column("candidate_intent", .text).notNull()
            t.column("turns", .integer).notNull()
            t.column("confidence_shift", .double).notNull()
            t.primaryKey(["candidate", "active", "active_intent", "candidate_intent"])
        }
    }
}
