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
        return migrator
    }

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
