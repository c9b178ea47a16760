import Foundation
import Logging
import ParleyAudit
import ParleyCrypto
import ParleyStore

/// Bearer tokens: `prl_<16 hex id>_<64 hex secret>`. The id is public (it
/// appears in audit entries); only SHA-256 of the secret is stored, and it is
/// compared in constant time. A token is shown once, when created.
public struct AccessTokens: Sendable {
    let store: Store
    let audit: AuditTrail
    let usage = TokenUsage()
    let clock: @Sendable () -> Date
    let logger: Logger

    public init(
        store: Store, audit: AuditTrail, clock: @escaping @Sendable () -> Date = Date.init,
        logger: Logger = Logger(label: "parley.tokens")
    ) {
        self.store = store
        self.audit = audit
        self.clock = clock
        self.logger = logger
    }

    public struct Created: Sendable, Codable, CustomStringConvertible, CustomReflectable {
        public let id: String
        /// The secret, shown once; never in `description`.
        public let token: String
        public let role: AccessRole

        public var description: String { "Created(id: \(id), role: \(role.rawValue))" }
        public var customMirror: Mirror { Mirror(self, children: ["id": id, "role": role]) }
    }

    public func create(role: AccessRole, name: String?, by principal: Principal, now: Date = Date()) async throws(EngineError) -> Created {
        let id: String
        let secret: String
        do {
            id = Hex.encode(try RandomBytes.generate(count: 8))
            secret = Hex.encode(try RandomBytes.generate(count: 32))
        } catch {
            throw .keys(error.description)
        }
        let label = name?.trimmingCharacters(in: .whitespaces) ?? ""
        guard label.count <= 100, !label.contains(where: \.isNewline) else {
            throw .invalidInput("a token name has at most 100 characters on one line")
        }
        do {
            try await store.insertToken(
                id: id, name: label.isEmpty ? role.rawValue : label, role: role.rawValue, secretHash: Self.hash(secret), now: now,
                audit: audit.appends([principal.event("token.create", target: .token(id), details: ["role": role.rawValue])])
            )
        } catch {
            throw .storage(error.description)
        }
        return Created(id: id, token: "prl_\(id)_\(secret)", role: role)
    }

    /// The caller a presented token belongs to; nil for anything malformed, unknown, revoked or wrong.
    public func authenticate(_ token: String) async throws(EngineError) -> AuthenticatedCaller? {
        let parts = token.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "prl", parts[1].count == 16, parts[2].count == 64,
              Hex.decode(parts[1]) != nil, Hex.decode(parts[2]) != nil
        else { return nil }
        do {
            guard let record = try await store.activeToken(id: String(parts[1]), secretHash: Self.hash(String(parts[2]))),
                  let role = AccessRole(rawValue: record.role)
            else { return nil }
            let now = clock()
            if usage.shouldRecord(record.id, at: now) {
                // Bookkeeping: a busy or full database does not turn a valid
                // token away; the failure is logged and retried a minute on.
                do { try await store.recordTokenUse(id: record.id, at: now) } catch {
                    usage.forget(record.id)
                    logger.warning("a token's last use could not be noted", metadata: ["token.id": "\(record.id)", "error": "\(error)"])
                }
            }
            return AuthenticatedCaller(tokenID: record.id, name: record.name, role: role)
        } catch {
            throw .storage(error.description)
        }
    }

    public func list(by principal: Principal) async throws(EngineError) -> [AccessTokenRecord] {
        let tokens: [AccessTokenRecord]
        do { tokens = try await store.tokens() } catch { throw .storage(error.description) }
        try await record(principal.event("token.list", details: ["count": String(tokens.count)]))
        return tokens
    }

    public func revoke(id: String, by principal: Principal, now: Date = Date()) async throws(EngineError) {
        do {
            try await store.revokeToken(id: id, now: now, audit: audit.appends([principal.event("token.revoke", target: .token(id))]))
        } catch let error {
            if case .notFound = error {
                try await record(principal.event("token.revoke", target: .token(id), outcome: .failure, details: ["reason": "not_found"]))
                throw .notFound("active token \(id)")
            }
            throw .storage(error.description)
        }
    }

    private func record(_ event: AuditEvent) async throws(EngineError) {
        do { try await audit.record(event) } catch { throw .storage(error.description) }
    }

    public func hasActiveToken(role: AccessRole) async throws(EngineError) -> Bool {
        do { return try await store.hasActiveToken(role: role.rawValue) } catch { throw .storage(error.description) }
    }

    /// Whether a channel token was ever created, revoked ones included.
    public func channelTokenEverCreated() async throws(EngineError) -> Bool {
        do { return try await store.channelTokenEverCreated() } catch { throw .storage(error.description) }
    }

    static func hash(_ secret: String) -> [UInt8] {
        SHA256.hash(Array(secret.utf8))
    }
}
