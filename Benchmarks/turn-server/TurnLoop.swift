import Foundation
import ParleyEngine
import Synchronization

/// `turn-server turns`: customer turns through `ParleyEngine.handle` in this
/// process, without HTTP: the same message mix and conversation spread as
/// Benchmarks/turn-bench.lua, `concurrency` turns in flight at once. Prints
/// turns/s (wall) and the process's CPU time per turn (user + system), so the
/// engine's own cost can be profiled and compared build against build
/// without the load generator on the same cores.
struct TurnLoop {
    static let messages = [
        "What is the status of order #12345?", "hello there", "When are you open on Saturday?",
        "I would like to return my jacket and get a refund", "thanks a lot, bye",
        "Where is my parcel? It should have arrived yesterday", "how do I reset my password", "order 12346 please",
    ]

    let turns: Int
    let concurrency: Int
    let conversations: Int

    struct Figures {
        let turns: Int
        let failures: Int
        let seconds: Double
        let cpuSeconds: Double
    }

    func run(engine: ParleyEngine) async -> Figures {
        let counter = Counter()
        let startCPU = Self.processCPUSeconds()
        let start = ContinuousClock.now
        let failures = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var failed = 0
                    while case let n = counter.next.wrappingAdd(1, ordering: .relaxed).oldValue, n < turns {
                        let message = IncomingMessage(
                            conversationID: "bench-\(n % conversations)", text: Self.messages[n % Self.messages.count],
                            customerID: "C-100\(1 + (n % conversations) % 3)"
                        )
                        do { _ = try await engine.handle(message) } catch { failed += 1 }
                    }
                    return failed
                }
            }
            return await group.reduce(0, +)
        }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        return Figures(turns: turns, failures: failures, seconds: seconds, cpuSeconds: Self.processCPUSeconds() - startCPU)
    }

    static func processCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return .nan }
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Hands out turn numbers to the workers.
    final class Counter: Sendable {
        let next = Atomic<Int>(0)
    }
}
