import GRDB

/// The schema, as named migrations. Append only: a shipped migration is never
/// edited; changes come as new migrations. Migrations use SQL and plain
/// columns, never app types.
enum Migrations {
    static var main: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-conversations-crm-tokens") { db in
            try db.create(table: "subject") { t in
                t.primaryKey("id", .text)
                t.column("customer_id", .text).unique()
                t.column("created_at", .datetime).notNull()
                t.column("erased_at", .datetime)
            }
            try db.create(table: "conversation") { t in
                t.primaryKey("id", .text)
                t.column("subject_id", .text).notNull().references("subject").indexed()
                t.column("customer_id", .text)
                t.column("status", .text).notNull().check(sql: "status IN ('bot', 'handoff')")
                t.column("tracker", .blob)
                t.column("turn_count", .integer).notNull().defaults(to: 0)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull().indexed()
            }
            try db.create(table: "turn") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("conversation_id", .text).notNull().references("conversation", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("role", .text).notNull().check(sql: "role IN ('customer', 'bot', 'agent')")
                t.column("text", .blob).notNull()
                t.column("intent", .text)
                t.column("confidence", .double)
                t.column("author", .text)
                t.column("created_at", .datetime).notNull()
                t.uniqueKey(["conversation_id", "seq"])
            }
            try db.create(table: "handoff") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("conversation_id", .text).notNull().references("conversation", onDelete: .cascade).indexed()
                t.column("queue", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("rule", .text).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('waiting', 'claimed', 'resolved')")
                t.column("turn_id", .integer).references("turn", onDelete: .setNull)
                t.column("claimed_by", .text)
                t.column("created_at", .datetime).notNull()
                t.column("claimed_at", .datetime)
                t.column("resolved_at", .datetime)
            }
            try db.create(index: "handoff_on_queue_status", on: "handoff", columns: ["queue", "status"])
            try db.create(table: "feedback") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("conversation_id", .text).notNull().references("conversation", onDelete: .cascade)
                t.column("handoff_id", .integer).notNull().references("handoff", onDelete: .cascade)
                t.column("turn_id", .integer).references("turn", onDelete: .setNull)
                t.column("predicted_intent", .text)
                t.column("correct_intent", .text).notNull()
                t.column("note", .blob)
                t.column("agent", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "access_token") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("role", .text).notNull().check(sql: "role IN ('channel', 'agent', 'admin', 'auditor')")
                t.column("secret_hash", .blob).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("revoked_at", .datetime)
                t.column("last_used_at", .datetime)
            }
            try db.create(table: "crm_customer") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("email", .text)
                t.column("tier", .text).notNull().defaults(to: "standard")
            }
            try db.create(table: "crm_order") { t in
                t.primaryKey("number", .text)
                t.column("customer_id", .text).references("crm_customer", onDelete: .setNull).indexed()
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('processing', 'shipped', 'delivered', 'cancelled', 'returned')")
                t.column("placed_at", .datetime)
                t.column("expected_ship_date", .datetime)
                t.column("shipped_at", .datetime)
                t.column("expected_delivery_date", .datetime)
                t.column("delivered_at", .datetime)
                t.column("carrier", .text)
                t.column("tracking_number", .text)
                t.column("total_minor_units", .integer)
                t.column("currency", .text)
            }
            try db.create(table: "crm_ticket") { t in
                t.primaryKey("id", .text)
                t.column("customer_id", .text).notNull().references("crm_customer", onDelete: .cascade).indexed()
                t.column("subject", .text).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('open', 'pending', 'closed')")
                t.column("opened_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v2-pii-vault") { db in
            // Raw PII values a policy chose to keep, sealed under the subject's key.
            try db.create(table: "pii_vault") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("conversation_id", .text).notNull().references("conversation", onDelete: .cascade).indexed()
                t.column("turn_seq", .integer).notNull()
                t.column("entity_type", .text).notNull()
                t.column("value", .blob).notNull()
                t.column("created_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v3-audit-log") { db in
            // Audit entries: canonical JSON (no customer text) and RFC 9162 leaf hashes.
            try db.create(table: "audit_entry") { t in
                t.primaryKey("seq", .integer)
                t.column("time_ms", .integer).notNull().indexed()
                t.column("entry", .text).notNull()
                t.column("leaf_hash", .blob).notNull()
            }
            // The Merkle frontier (size and perfect-subtree roots), one row.
            try db.create(table: "audit_frontier") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("size", .integer).notNull()
                t.column("nodes", .blob).notNull()
            }
            try db.create(table: "audit_checkpoint") { t in
                t.primaryKey("size", .integer)
                t.column("note", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v4-conversation-channel") { db in
            // The channel (token id) that started a conversation; only it may continue it or read its replies.
            try db.alter(table: "conversation") { t in
                t.add(column: "channel", .text)
            }
        }
        migrator.registerMigration("v5-erased-subjects-untied") { db in
            // An erased subject no longer stands for its customer, who starts a new one on return.
            try db.execute(sql: "UPDATE subject SET customer_id = NULL WHERE erased_at IS NOT NULL")
        }
        migrator.registerMigration("v6-retention-holds-erasure") { db in
            // Anonymized by retention: text and state removed, the shape kept, untied from its customer.
            try db.alter(table: "conversation") { t in
                t.add(column: "anonymized_at", .datetime)
            }
            try db.create(index: "conversation_on_customer", on: "conversation", columns: ["customer_id"])
            // Foreign-key columns that deletes look up (without an index, deleting one
            // conversation or turn scans these tables).
            try db.create(index: "feedback_on_conversation", on: "feedback", columns: ["conversation_id"])
            try db.create(index: "feedback_on_turn", on: "feedback", columns: ["turn_id"])
            try db.create(index: "feedback_on_handoff", on: "feedback", columns: ["handoff_id"])
            try db.create(index: "handoff_on_turn", on: "handoff", columns: ["turn_id"])
            try db.create(index: "turn_on_created", on: "turn", columns: ["created_at"])
            // Legal holds: what they cover beats retention and erasure until released.
            try db.create(table: "legal_hold") { t in
                t.primaryKey("id", .text)
                t.column("scope", .text).notNull().check(sql: "scope IN ('customer', 'conversation', 'period')")
                t.column("customer_id", .text)
                t.column("conversation_id", .text)
                t.column("period_from", .datetime)
                t.column("period_to", .datetime)
                t.column("reason", .text).notNull()
                t.column("authority", .text).notNull()
                t.column("review_by", .datetime)
                t.column("created_at", .datetime).notNull()
                t.column("created_by", .text).notNull()
                t.column("released_at", .datetime)
                t.column("released_by", .text)
            }
            // Erasure requests (GDPR Art. 17): the customer id is kept only while one runs.
            try db.create(table: "erasure_request") { t in
                t.primaryKey("id", .text)
                t.column("request_id", .text).notNull().unique()
                t.column("customer_ref", .text).notNull().indexed()
                t.column("customer_id", .text)
                t.column("status", .text).notNull().check(sql: "status IN ('running', 'complete')")
                t.column("requested_by", .text).notNull()
                t.column("requested_at", .datetime).notNull()
                t.column("completed_at", .datetime)
                t.column("audit_seq", .integer)
                t.column("summary", .text)
                t.column("receipt", .text)
            }
            // The erasure log: subjects whose keys were destroyed and customers whose
            // records were erased. Carried over by a restore, like the audit log, so
            // that every erasure is applied again to an older backup or keyring.
            try db.create(table: "erasure_log") { t in
                t.primaryKey("subject_id", .text)
                t.column("erasure_id", .text).notNull()
                t.column("logged_at", .datetime).notNull()
            }
            try db.create(table: "erased_customer") { t in
                t.primaryKey("customer_ref", .text)
                t.column("erasure_id", .text).notNull()
                t.column("logged_at", .datetime).notNull()
            }
            // Which logged erasures this database's data has seen applied (not carried
            // over by a restore: a restored backup applies the ones it missed).
            try db.create(table: "erasure_applied") { t in
                t.primaryKey("erasure_id", .text)
                t.column("applied_at", .datetime).notNull()
            }
            try db.create(table: "retention_run") { t in
                t.primaryKey("id", .text)
                t.column("policy_sha256", .text).notNull()
                t.column("policy", .text).notNull()
                t.column("as_of", .datetime).notNull()
                t.column("started_by", .text).notNull()
                t.column("started_at", .datetime).notNull()
                t.column("finished_at", .datetime)
                t.column("status", .text).notNull().check(sql: "status IN ('running', 'complete')")
                t.column("counts", .text)
            }
            // The last hash recorded in the audit log for each policy file.
            try db.create(table: "policy_state") { t in
                t.primaryKey("name", .text)
                t.column("sha256", .text).notNull()
                t.column("recorded_at", .datetime).notNull()
            }
            // Lineage: whose labelled turns trained which model, and models trained on
            // data since erased.
            try db.create(table: "model_lineage") { t in
                t.column("model_version", .text).notNull()
                t.column("subject_id", .text).notNull().indexed()
                t.column("examples", .integer).notNull()
                t.primaryKey(["model_version", "subject_id"])
            }
            try db.create(table: "model_erasure") { t in
                t.column("model_version", .text).notNull()
                t.column("erasure_id", .text).notNull()
                t.column("marked_at", .datetime).notNull()
                t.primaryKey(["model_version", "erasure_id"])
            }
        }
        migrator.registerMigration("v7-auth-failure-windows") { db in
            // Failed authentications folded into the audit entry of their window
            // (Store+AuthFailures.swift): counted here as they happen, so a
            // restart or a crash loses none; no token, no secret.
            try db.create(table: "auth_failure_window") { t in
                t.primaryKey("key", .text)
                t.column("action", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("role", .text).notNull()
                t.column("details", .text).notNull()
                t.column("started_at", .datetime).notNull()
                t.column("folded", .integer).notNull()
            }
        }
        migrator.registerMigration("v8-channel-token-fact") { db in
            // Once a channel token has existed, customer endpoints never fall
            // back to tokenless loopback access, even when all are revoked or deleted.
            try db.create(table: "installation_fact") { t in
                t.primaryKey("name", .text)
                t.column("recorded_at", .datetime).notNull()
            }
            try db.execute(sql: """
                CREATE TRIGGER channel_token_fact AFTER INSERT ON access_token WHEN NEW.role = 'channel'
                BEGIN INSERT OR IGNORE INTO installation_fact (name, recorded_at) VALUES ('channel_token_created', NEW.created_at); END
                """)
            try db.execute(sql: """
                INSERT OR IGNORE INTO installation_fact (name, recorded_at)
                SELECT 'channel_token_created', MIN(created_at) FROM access_token WHERE role = 'channel' HAVING COUNT(*) > 0
                """)
        }
        migrator.registerMigration("v9-idempotency-keys") { db in
            // A channel's Idempotency-Key per customer message: the reply
            // sealed under the subject's key, stored in the turn's transaction.
            try db.create(table: "idempotency_key") { t in
                t.column("conversation_id", .text).notNull().references("conversation", onDelete: .cascade)
                t.column("key", .text).notNull()
                t.column("sealed", .blob).notNull()
                t.column("created_at", .datetime).notNull().indexed()
                t.primaryKey(["conversation_id", "key"])
            }
        }
        migrator.registerMigration("v10-learning-loop", migrate: learningLoop)
        migrator.registerMigration("v11-console-sessions-agent-notes", migrate: console)
        return migrator
    }

    /// Tables that record what happened rather than customer data: a restore of
    /// an older backup carries them over from the live database, so neither the
    /// audit log, nor an erasure, nor a legal hold goes back in time.
    static let carriedOverTables = [
        "audit_entry", "audit_frontier", "audit_checkpoint",
        "erasure_request", "erasure_log", "erased_customer", "legal_hold", "retention_run", "policy_state",
        "model_lineage", "model_erasure",
        "model_version", "model_promotion", "model_state", "candidate_intent", "intent_overlay",
    ]

    static var keyring: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-subject-keys") { db in
            try db.create(table: "subject_key") { t in
                t.primaryKey("subject_id", .text)
                t.column("wrapped_key", .blob).notNull()
                t.column("created_at", .datetime).notNull()
            }
        }
        return migrator
    }
}
