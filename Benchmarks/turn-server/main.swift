@_spi(Benchmarks) import ParleyEngine
import Foundation
import Hummingbird
import Logging
import ParleyServer
import ServiceLifecycle

// turn-server: the two baselines of Benchmarks/turn-bench.sh, started the way
// `parley serve` starts (release build):
//   turn-server echo  --port P            a bare Hummingbird route that decodes and encodes a JSON body
//   turn-server plain --port P --data-dir D --keys-dir K
//                                         Parley exactly as `parley serve`, but on plain SQLite files
//   turn-server parse --data-dir D --keys-dir K [--repeats N] [--shape NAME]
//                                         that engine's parse (redaction + NLU) of a longest message of
//                                         each adversarial shape: CPU ms, the best of N (ParseBenchmark.swift)
//   turn-server turns --data-dir D --keys-dir K [--count N] [--concurrency C] [--rounds R] [--plain]
//                                         customer turns through the engine in this process, no HTTP:
//                                         turns/s and CPU ms per turn, per round (TurnLoop.swift)
// Benchmark only: the plain arm exists to price the encryption of the same workload.

struct Echo: Codable {
    let text: String
    let customer_id: String?
}

let arguments = CommandLine.arguments
func value(_ flag: String) -> String? {
    arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
guard arguments.count >= 2, ["echo", "plain", "parse", "turns"].contains(arguments[1]),
    let port = ["parse", "turns"].contains(arguments[1]) ? 0 : value("--port").flatMap(Int.init)
else {
    FileHandle.standardError.write(Data("usage: turn-server echo|plain --port P [--data-dir D --keys-dir K] | parse --data-dir D --keys-dir K [--repeats N] [--shape NAME] | turns --data-dir D --keys-dir K [--count N] [--concurrency C] [--rounds R] [--plain]\n".utf8))
    exit(2)
}
var logger = Logger(label: "turn-server")
logger.logLevel = .warning

if arguments[1] == "echo" {
    let router = Router()
    router.post("/v1/conversations/{id}/messages") { request, context -> Response in
        let echo = try await request.decode(as: Echo.self, context: context)
        let encoder = JSONEncoder()
        let data = try encoder.encode(["conversation_id": context.parameters.get("id") ?? "", "text": echo.text])
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
    router.get("/healthz") { _, _ in "ok" }
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
    try await app.runService()
} else {
    guard let data = value("--data-dir"), let keys = value("--keys-dir") else { exit(2) }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var configuration = ParleyConfiguration(layout: .checkout(root: root))
    configuration.paths.dataDirectory = URL(fileURLWithPath: data)
    configuration.paths.keysDirectory = URL(fileURLWithPath: keys)
    configuration.server.port = port
    configuration.storage.plainForBenchmarks = arguments[1] != "turns" || arguments.contains("--plain")
    let bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
    try bootstrap.prepareDataDirectory()
    let lock = try DataDirectoryLock.acquire(configuration.paths.dataDirectory, exclusive: false)
    defer { withExtendedLifetime(lock) {} }
    let engine = try await bootstrap.engine(trainIfMissing: true)
    if arguments[1] == "parse" {
        let rows = ParseBenchmark(repeats: value("--repeats").flatMap(Int.init) ?? 5, only: value("--shape")).run(engine: engine)
        print(ParseBenchmark.table(rows))
        exit(0)
    }
    if arguments[1] == "turns" {
        let loop = TurnLoop(
            turns: value("--count").flatMap(Int.init) ?? 5_000, concurrency: value("--concurrency").flatMap(Int.init) ?? 32,
            conversations: 5_000
        )
        print("round  turns  failures  turns/s  CPU ms/turn")
        for round in 1...(value("--rounds").flatMap(Int.init) ?? 3) {
            let f = await loop.run(engine: engine)
            print(String(format: "%5d  %5d  %8d  %7.0f  %11.3f", round, f.turns, f.failures, Double(f.turns) / f.seconds, f.cpuSeconds * 1000 / Double(f.turns)))
        }
        exit(0)
    }
    let app = buildApplication(
        engine: engine, settings: ServerSettings(host: "127.0.0.1", port: port, maxBodyBytes: configuration.server.maxBodyBytes),
        logger: logger, models: bootstrap.models
    )
    let checkpoints = AuditCheckpointService(audit: engine.audit, interval: .seconds(300), logger: logger)
    let group = ServiceGroup(services: [checkpoints, app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    try await group.run()
}
