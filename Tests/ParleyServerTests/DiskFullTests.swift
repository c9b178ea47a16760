import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ParleyCrypto
import ParleyEngine
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Testing

/// A full disk is a clear answer (507, nothing stored), reads go on, writes
/// resume by themselves when space returns, and the database and its audit
/// log verify afterwards. Run twice: with a full disk simulated under the
/// encrypting VFS (everywhere) and on a real, small tmpfs (where this
/// process may mount one).
@Suite(.serialized) struct DiskFullTests {
    static let question = #"{"text": "What is the status of order #12345?", "customer_id": "C-1001"}"#

    func app(_ engine: ParleyEngine) -> some ApplicationProtocol {
        buildApplication(engine: engine, settings: ServerSettings(host: "127.0.0.1", port: 0), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    func turns(_ engine: ParleyEngine, _ conversation: String) async throws -> Int {
        try await engine.store.transcript(conversation)?.1.count ?? 0
    }

    @Test func aSimulatedFullDiskIs507StoresNothingAndWritesResumeAfter() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try await StarterBot.engine(store: StarterBot.store(in: directory))
        let channel = try await engine.tokens.create(role: .channel, name: "c", by: .system).token
        let app = app(engine)
        try await app.test(.router) { client in
            #expect(try await client.post("/v1/conversations/known-1/messages", json: Self.question, token: channel).status == .ok)
            // From nothing, so that every write must grow a file.
            try await engine.store.checkpoint()
            try await FullDisk.simulated(under: directory) {
                for conversation in ["new-1", "known-1"] {
                    let refused = try await client.post("/v1/conversations/\(conversation)/messages", json: Self.question, token: channel)
                    #expect(refused.status == .init(code: 507), "\(conversation)")
                    #expect(refused.errorCode == "insufficient_storage")
                    #expect(refused.headers[.retryAfter] != nil)
                }
                // Reads are served.
                #expect(try await client.get("/v1/conversations/known-1/replies", token: channel).status == .ok)
                #expect(try await client.get("/healthz").status == .ok)
            }
            #expect(try await client.post("/v1/conversations/new-1/messages", json: Self.question, token: channel).status == .ok)
        }
        #expect(try await turns(engine, "known-1") == 2)
        #expect(try await turns(engine, "new-1") == 2)
        try await engine.store.verifyIntegrity()
        #expect(try await engine.audit.verifyStoredLog().verified)
    }

    @Test func aRetryWithTheSameIdempotencyKeyStoresTheTurnOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("idem-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try await StarterBot.engine(store: StarterBot.store(in: directory))
        let channel = try await engine.tokens.create(role: .channel, name: "c", by: .system).token
        let key = HTTPField.Name("Idempotency-Key")!
        let headers: HTTPFields = [.contentType: "application/json", key: "msg-0001", .authorization: "Bearer \(channel)"]
        try await app(engine).test(.router) { client in
            func send(_ text: String = Self.question) async throws -> TestResponse {
                try await client.execute(uri: "/v1/conversations/idem-1/messages", method: .post, headers: headers, body: .init(string: text))
            }
            try await engine.store.checkpoint()
            let failed = try await FullDisk.simulated(under: directory) { try await send() }
            #expect(failed.status == .init(code: 507))
            let first = try await send()
            let retry = try await send()
            #expect(first.status == .ok && retry.status == .ok)
            #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(String(buffer: retry.body) == String(buffer: first.body))
            let reused = try await send(#"{"text": "something else", "customer_id": "C-1001"}"#)
            #expect(reused.status == .unprocessableContent)
            #expect(reused.errorCode == "idempotency_key_reused")
        }
        #expect(try await turns(engine, "idem-1") == 2)
    }

    @Test(.enabled(if: FullDisk.Tmpfs.isAvailable, "mounting a tmpfs is not allowed here; the simulated full disk covers the same answers"))
    func aRealFullDiskIs507BelowTheReserveAndWhenNothingIsLeft() async throws {
        let tmpfs = try FullDisk.Tmpfs(sizeKiB: 8 * 1024)
        defer { tmpfs.unmount() }
        let data = tmpfs.directory.appendingPathComponent("data")
        let keys = try KeyHierarchy(master: .random())
        let engine = try await StarterBot.engine(store: StarterBot.store(in: data, keys: keys, options: StoreOptions(reserveBytes: 1 << 20)))
        // The same files without a reserve: what SQLite itself meets on a disk with nothing left.
        let unreserved = try await StarterBot.engine(store: Store(location: .directory(data), keys: keys, options: StoreOptions(reserveBytes: 0)))
        let channel = try await engine.tokens.create(role: .channel, name: "c", by: .system).token
        try await app(engine).test(.router) { client in
            #expect(try await client.post("/v1/conversations/tmp-1/messages", json: Self.question, token: channel).status == .ok)
            // Below the reserve: refused before anything is written.
            let filler = try tmpfs.fill(leavingLessThan: 512 << 10)
            let belowReserve = try await client.post("/v1/conversations/tmp-2/messages", json: Self.question, token: channel)
            #expect(belowReserve.status == .init(code: 507))
            #expect(belowReserve.errorCode == "insufficient_storage")
            // Audit entries still find room (a server stopping now records it).
            try await engine.audit.record(Principal.system.event("server.stop"))
            #expect(try await client.get("/v1/conversations/tmp-1/replies", token: channel).status == .ok)
            try await engine.store.checkpoint()
            // Nothing at all left: SQLite's own "disk full" is a 507 too, and stores nothing.
            let rest = try tmpfs.fill(leavingLessThan: 1)
            try await app(unreserved).test(.router) { other in
                let refused = try await other.post("/v1/conversations/tmp-3/messages", json: Self.question, token: channel)
                #expect(refused.status == .init(code: 507))
                #expect(refused.errorCode == "insufficient_storage")
            }
            try FileManager.default.removeItem(at: rest)
            try FileManager.default.removeItem(at: filler)
            #expect(try await client.post("/v1/conversations/tmp-2/messages", json: Self.question, token: channel).status == .ok)
        }
        #expect(try await turns(engine, "tmp-1") == 2)
        #expect(try await turns(engine, "tmp-2") == 2)
        #expect(try await turns(engine, "tmp-3") == 0)
        try await engine.store.verifyIntegrity()
        #expect(try await engine.audit.verifyStoredLog().verified)
    }
}
