import GRDB

extension Database {
    /// Runs one SQL statement through this connection's cache of prepared
    /// statements. `execute(sql:)` parses and prepares its SQL on every call
    /// (and runs GRDB's authorizer over it), which on the turn path was a
    /// tenth of a turn's CPU; the turn's writes and reads use this instead.
    func run(_ sql: String, _ arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
