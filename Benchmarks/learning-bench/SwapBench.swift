import Foundation
import ParleyEngine
import ParleyNLU
import Synchronization

/// Hot swaps: their cost in the server's process and from a command beside
/// it, and turn latency under load with and without swaps (same run).
enum SwapBench {
    static let interval = 250
    static let clients = 4

    static func run(engine: ParleyEngine, bootstrap: EngineBootstrap, test: [LabeledUtterance]) async throws -> SwapFigures {
        let versions = try await engine.learning.registry().map(\.version)
        let current = engine.model.metadata.version
        guard let other = versions.first(where: { $0 != current }) else { throw EngineError.conflict("the replay left only one model version") }
        let pair = [other, current]

        var inProcess: [Double] = []
        for index in 0..<10 {
            let started = ContinuousClock.now
            _ = try await engine.promote(pair[index % 2], force: true, by: .system)
            inProcess.append(seconds(since: started))
        }

        // A command beside the server: its own store on the same files; the server polls.
        let keys = try bootstrap.keys(createIfFresh: false)
        let store = try bootstrap.openStore(keys: keys)
        let command = try await bootstrap.learningService(store: store, audit: try bootstrap.auditTrail(store: store, keys: keys))
        let refreshes = Mutex<[Double]>([])
        let watcher = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(interval))
                let started = ContinuousClock.now
                if (try? await engine.refreshServing()) == true {
                    let elapsed = seconds(since: started)
                    refreshes.withLock { $0.append(elapsed) }
                }
            }
        }
        var crossProcess: [Double] = []
        for index in 0..<10 {
            let target = pair[index % 2]
            let started = ContinuousClock.now
            _ = try await command.promote(target, force: true, by: .system)
            while engine.model.metadata.version != target { try await Task.sleep(for: .milliseconds(1)) }
            crossProcess.append(seconds(since: started))
        }
        watcher.cancel()
        try store.close()

        let texts = test.map(\.text)
        let turns = 250
        let baseline = try await load(engine: engine, texts: texts, turns: turns, phase: "a")
        let swapping = Task {
            var count = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                if Task.isCancelled { break }
                _ = try? await engine.promote(pair[count % 2], force: true, by: .system)
                count += 1
            }
            return count
        }
        let during = try await load(engine: engine, texts: texts, turns: turns, phase: "b")
        swapping.cancel()
        let swaps = await swapping.value
        return SwapFigures(
            inProcess: inProcess, refresh: refreshes.withLock { $0 }, crossProcess: crossProcess, interval: interval,
            baselineP50: percentile(baseline, 50), baselineP99: percentile(baseline, 99), swapP50: percentile(during, 50),
            swapP99: percentile(during, 99), turnsPerPhase: turns * clients, swapsDuringLoad: swaps
        )
    }

    /// `clients` concurrent customers, `turns` each; per-turn latencies.
    static func load(engine: ParleyEngine, texts: [String], turns: Int, phase: String) async throws -> [Double] {
        try await withThrowingTaskGroup(of: [Double].self) { group in
            for client in 0..<clients {
                group.addTask {
                    var latencies: [Double] = []
                    for turn in 0..<turns {
                        let text = texts[(client * turns + turn) % texts.count]
                        let started = ContinuousClock.now
                        _ = try await engine.handle(IncomingMessage(conversationID: "load-\(phase)-\(client)-\(turn)", text: text))
                        latencies.append(seconds(since: started))
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }
}
