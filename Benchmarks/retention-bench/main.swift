import Foundation
import Synchronization
import Logging
import ParleyEngine
import ParleyStore

// retention-bench: retention, erasure and access figures on a real (encrypted,
// audited) installation in a temporary directory, release build:
//   swift run -c release retention-bench [--conversations N] [--turns N]
// 1. N conversations (default 100,000) closed 500 days ago, two turns each;
// 2. turn latency through the whole pipeline with nothing else running, then
//    while `retention apply` (the shipped policy) sweeps them, in one run;
// 3. erasure and access export of one customer with 1,000 turns;
// 4. the cost of secure_delete (freed pages zeroed) on deletes, ON against OFF.

struct Options {
    var conversations = 100_000
    var turns = 1_000

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--conversations": conversations = Int(iterator.next() ?? "") ?? conversations
            case "--turns": turns = Int(iterator.next() ?? "") ?? turns
            default:
                FileHandle.standardError.write(Data("usage: retention-bench [--conversations N] [--turns N]\n".utf8))
                exit(2)
            }
        }
    }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }

let options = Options(CommandLine.arguments)
let root = FileManager.default.temporaryDirectory.appendingPathComponent("retention-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: root) }
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var configuration = ParleyConfiguration(layout: .checkout(root: here))
configuration.paths.dataDirectory = root.appendingPathComponent("data")
configuration.paths.keysDirectory = root.appendingPathComponent("keys")
let bootstrap = EngineBootstrap(configuration: configuration, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
try bootstrap.prepareDataDirectory()
let engine = try await bootstrap.engine(trainIfMissing: true)
let store = engine.store
guard let retention = engine.retention else { fatalError("no retention services") }

// 1. Old conversations, written in their own transactions as turns are.
let old = Date().addingTimeInterval(-500 * 86_400)
var started = ContinuousClock.now
for index in 0..<options.conversations {
    try await store.commit(TurnCommit(
        conversationID: "old-\(index)", customerID: nil, channel: "channel:loopback", status: .bot, tracker: Data("{}".utf8),
        messages: [.init(role: .customer, text: "Where is my order [EMAIL] \(index)?", intent: "order_status", confidence: 0.9),
                   .init(role: .bot, text: "What is your order number?")],
        handoff: nil, now: old
    ))
}
print("seeded \(options.conversations) conversations in \(format(milliseconds(ContinuousClock.now - started) / 1000)) s")

// 2. Turn latency alone, then during the sweep.
let questions = ["What is the status of order #12345?", "When do you open?", "I want a refund", "hello", "thanks, bye"]
func turn(_ index: Int, _ prefix: String) async throws -> Double {
    let start = ContinuousClock.now
    let conversation = index % 500
    _ = try await engine.handle(IncomingMessage(
        conversationID: "\(prefix)-\(conversation)", text: questions[index % questions.count], customerID: "C-100\(2 + conversation % 2)"
    ))
    return milliseconds(ContinuousClock.now - start)
}
var alone: [Double] = []
for index in 0..<2_000 { alone.append(try await turn(index, "alone")) }

let sweepDone = Atomic<Bool>(false)
let sweep = Task {
    defer { sweepDone.store(true, ordering: .releasing) }
    return try await retention.apply(by: .system)
}
var during: [Double] = []
var index = 0
while !sweepDone.load(ordering: .acquiring) {
    during.append(try await turn(index, "during"))
    index += 1
}
let result = try await sweep.value
print("sweep: \(result.plan.removals) items removed in \(format(result.seconds)) s (run \(result.runID))")
print("turns alone:        n=\(alone.count) p50=\(format(percentile(alone, 0.5))) ms p99=\(format(percentile(alone, 0.99))) ms")
print("turns during sweep: n=\(during.count) p50=\(format(percentile(during, 0.5))) ms p99=\(format(percentile(during, 0.99))) ms")
print("p99 during / alone: \(format(percentile(during, 0.99) / percentile(alone, 0.99)))x")

// 3. One customer with `turns` turns: export, then erasure.
started = ContinuousClock.now
for conversation in 0..<(options.turns / 10) {
    for turn in 0..<5 {
        _ = try await engine.handle(IncomingMessage(conversationID: "vip-\(conversation)", text: "message \(turn) about order #12345", customerID: "C-1001"))
    }
}
print("customer C-1001: \(options.turns) turns written in \(format(milliseconds(ContinuousClock.now - started) / 1000)) s")
started = ContinuousClock.now
let document = try await retention.export(customerID: "C-1001", includeVault: true, by: .system)
let exportTime = milliseconds(ContinuousClock.now - started)
started = ContinuousClock.now
let erased = try await retention.erase(customerID: "C-1001", requestID: "bench-1", by: .system)
let eraseTime = milliseconds(ContinuousClock.now - started)
let turnCount = document.conversations.reduce(0) { $0 + $1.turns.count }
print("export of \(turnCount) turns: \(format(exportTime)) ms; erasure of \(erased.details["erased.turns"] ?? "?") turns: \(format(eraseTime)) ms (receipt \(erased.receipt?.utf8.count ?? 0) bytes)")

// 4. secure_delete.
let cost = try SecureDeleteCost.measure(directory: root.path)
print("secure_delete: deleting \(cost.rows) rows (\(cost.megabytes) MB) ON \(format(cost.on)) ms, OFF \(format(cost.off)) ms, ON/OFF \(format(cost.on / cost.off))x (medians of \(cost.rounds))")
try store.close()
