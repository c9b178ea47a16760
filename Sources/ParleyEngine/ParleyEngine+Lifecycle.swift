import ParleyAudit
import ParleyStore

extension ParleyEngine {
    /// Records `server.start`. When the previous run's `server.stop` is
    /// missing (it crashed, was killed, or could not write at shutdown, on a
    /// full disk), `server.stop.unrecorded` says so first, naming the start
    /// it belongs to: a gap in the log is stated, never silent.
    public func recordServerStart(details: [String: String]) async throws(EngineError) {
        let last: (sequence: UInt64, action: String)?
        do { last = try await store.lastAuditEntry(withActionIn: ["server.start", "server.stop"]) } catch { throw Self.map(error) }
        var events: [AuditEvent] = []
        if let last, last.action == "server.start" {
            events.append(Principal.system.event("server.stop.unrecorded", outcome: .failure, details: [
                "start_seq": String(last.sequence), "reason": "the previous run ended without recording its stop",
            ]))
        }
        events.append(Principal.system.event("server.start", details: details))
        do { try await store.appendAudit(audit.appends(events)) } catch { throw Self.map(error) }
    }
}
