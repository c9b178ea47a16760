import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyEngine
import ParleyStore
import ParleyTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Durability as a client sees it: a real `parley serve` process (the binary
/// `swift test` built beside this bundle) is killed with SIGKILL while eight
/// clients post turns, and every turn it answered 200 to is stored, in order,
/// with its reply, and the audit log verifies.
///
/// "Acknowledged" means: the reply was sent after the turn's transaction
/// (customer turn, bot turn, audit entry) committed to the WAL. With the
/// default `synchronous=FULL` that commit is fsynced, so it also survives power
/// loss; this test shows the process-crash half.
@Suite(.serialized) struct KillDuringLoadTests {
    static let clients = 8
    /// Acknowledged turns before the kill: enough for every client to be mid-stream.
    static let killAfter = 60

    @Test func everyAcknowledgedTurnSurvivesAKillNineUnderLoad() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kill9-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let token = try await Self.prepare(root)
        let server = try await ServerProcess.start(root: root)
        defer { server.kill() }

        let ledger = Ledger()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<Self.clients {
                group.addTask {
                    try await TestClient.withClient(host: "127.0.0.1", port: server.port, configuration: .init(timeout: .seconds(600))) { http in
                        var headers = HTTPFields()
                        headers[.contentType] = "application/json"
                        headers[.authorization] = "Bearer \(token)"
                        var answered = 0, refused = 0
                        while refused < 1_000 {
                            let body = ByteBuffer(string: #"{"text": "What is the status of order #12345?"}"#)
                            guard let response = try? await http.post("/v1/conversations/kill-\(client)/messages", headers: headers, body: body) else { return }
                            // A full turn queue (503) stores nothing and may be sent again; anything else ends this client.
                            if response.status == .serviceUnavailable { refused += 1; continue }
                            guard response.status == .ok else { return }
                            answered += 1
                            if await ledger.acknowledge(client: client, turn: answered) >= Self.killAfter { server.kill() }
                        }
                    }
                }
            }
            for try await _ in group {}
        }
        let acknowledged = await ledger.turns
        #expect(acknowledged.values.reduce(0, +) >= Self.killAfter)
        #expect(server.killedBySignal)

        // Reopened as the next start would (the WAL recovered).
        let installation = try await TestInstallation.open(at: root)
        defer { try? installation.close() }
        for client in 0..<Self.clients {
            let answered = acknowledged[client] ?? 0
            let turns = try await installation.store.transcript("kill-\(client)")?.1 ?? []
            let customer = turns.filter { $0.role == .customer }.count
            let bot = turns.filter { $0.role == .bot }.count
            // Every acknowledged turn is there; at most the one in flight at the kill besides.
            #expect((answered...answered + 1).contains(customer), "client \(client): \(answered) acknowledged, \(customer) stored")
            // A turn is stored whole or not at all.
            #expect(bot == customer, "client \(client): \(customer) customer turns, \(bot) replies")
        }
        #expect(try await installation.audit.verifyStoredLog().verified)
    }

    /// A fresh installation with a channel token; the server reads the same directories.
    static func prepare(_ root: URL) async throws -> String {
        let installation = try await TestInstallation.open(at: root)
        let created = try await installation.engine.tokens.create(role: .channel, name: "kill-test", by: .system)
        try installation.close()
        let configuration = """
        paths:
          data_dir: \(root.appendingPathComponent("data").path)
          keys_dir: \(root.appendingPathComponent("keys").path)
          bot_dir: \(StarterBot.botDirectory.path)
          policies_dir: \(StarterBot.policiesDirectory.path)
          encoder_file: none
        """
        try Data(configuration.utf8).write(to: root.appendingPathComponent("parley.yml"))
        return created.token
    }

    actor Ledger {
        var turns: [Int: Int] = [:]
        func acknowledge(client: Int, turn: Int) -> Int {
            turns[client] = turn
            return turns.values.reduce(0, +)
        }
    }
}

/// `parley serve` as a child process, ready once it logs that it listens.
final class ServerProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    private let lock = NSLock()

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Starts the server; the blocking reads of its output run on a dispatch
    /// thread, never on one of the few threads Swift concurrency shares.
    static func start(root: URL) async throws -> ServerProcess {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try startBlocking(root: root) })
            }
        }
    }

    private static func startBlocking(root: URL) throws -> ServerProcess {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("parley")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw ProcessFailure("no parley binary at \(binary.path): build it with swift build --build-tests")
        }
        let port = try freePort()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--config", root.appendingPathComponent("parley.yml").path, "--port", String(port), "--log-level", "info"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Blocks on the pipe (no polling): the server logs this line once its socket is bound.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("Server started and listening") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else {
                throw ProcessFailure("parley serve exited before listening: \(String(decoding: seen.suffix(2000), as: UTF8.self))")
            }
            seen.append(chunk)
        }
        // Keep draining so the server never blocks on a full pipe.
        output.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
        return ServerProcess(process: process, port: port)
    }

    /// SIGKILL, once; later calls do nothing. Waits for the exit (a blocking
    /// wait, but a kill -9 ends the process at once).
    func kill() {
        lock.lock()
        defer { lock.unlock() }
        guard process.isRunning else { return }
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var killedBySignal: Bool {
        !process.isRunning && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ProcessFailure("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw ProcessFailure("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw ProcessFailure("getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct ProcessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
