import GRDB

extension Migrations {
    /// v11: the agent console's sessions and agents' internal notes.
    static func console(_ db: Database) throws {
        // Agent console sessions: the cookie's secret is stored as its SHA-256 only.
        // A session ends (signed out, expired, its token revoked) and is never revived.
        try db.create(table: "console_session") { t in
            t.primaryKey("id", .text)
            t.column("secret_hash", .blob).notNull()
            t.column("token_id", .text).notNull().references("access_token", onDelete: .cascade).indexed()
            t.column("created_at", .datetime).notNull()
            t.column("last_seen_at", .datetime).notNull()
            t.column("expires_at", .datetime).notNull()
            t.column("ended_at", .datetime)
            t.column("end_reason", .text)
        }
        // Agents' internal notes on a handed-off conversation (never shown to the
        // customer), sealed under the conversation's subject key like its turns.
        try db.create(table: "agent_note") { t in
            t.primaryKey("id", .text)
            t.column("conversation_id", .text).notNull().references("conversation", onDelete: .cascade).indexed()
            t.column("author", .text).notNull()
            t.column("text", .blob).notNull()
            t.column("created_at", .datetime).notNull()
        }
    }
}
