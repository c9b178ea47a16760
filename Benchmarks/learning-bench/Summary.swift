import Foundation

/// One round of the replay.
struct Point {
    var round: Int
    var turns: Int
    /// Labels so far (every item the queue surfaced, labelled).
    var labels: Int
    var surfaced: Int
    /// Test accuracy of the model serving after the round's gate.
    var active: Double
    /// Of the round's candidate, promoted or not.
    var candidate: Double?
    /// Of a model trained the same way on as many labels of random turns.
    var random: Double?
    var gatePassed: Bool?
    var trainSeconds: Double
    var gateSeconds: Double
    var failed: [String]
}

struct SwapFigures {
    /// engine.promote in the server's process: store transaction, ACTIVE, load, parser, swap.
    var inProcess: [Double]
    /// engine.refreshServing alone after another process promoted (load, parser, swap).
    var refresh: [Double]
    /// From a promotion committed by another process to the first turn on the new model, polling every `interval` ms.
    var crossProcess: [Double]
    var interval: Int
    var baselineP50: Double
    var baselineP99: Double
    var swapP50: Double
    var swapP99: Double
    var turnsPerPhase: Int
    var swapsDuringLoad: Int
}

struct Summary {
    var fullAccuracy: Double
    var points: [Point]
    var turnP50: Double
    var turnP99: Double
    var swaps: SwapFigures
    var command: String

    var target: Double { 0.9 * fullAccuracy }

    /// Labels the review route needed to reach the target (nil: not within the run).
    var reviewLabelsToTarget: Int? { points.first { $0.active >= target }?.labels }
    var randomLabelsToTarget: Int? { points.first { ($0.random ?? 0) >= target }?.labels }

    func lines() -> [String] {
        var lines = [
            "full-data test accuracy \(pct(fullAccuracy)) %; target (90 %) \(pct(target)) %",
            "round  turns  labels  active  candidate  random  gate",
        ]
        for point in points {
            lines.append(String(
                format: "%5d  %5d  %6d  %6@  %9@  %6@  %@", point.round, point.turns, point.labels, pct(point.active),
                point.candidate.map(pct) ?? "-", point.random.map(pct) ?? "-",
                point.gatePassed.map { $0 ? "passed" : "failed: \(point.failed.joined(separator: ","))" } ?? "-"
            ))
        }
        lines.append("labels to reach the target: review queue \(reviewLabelsToTarget.map(String.init) ?? "not reached"), random turns \(randomLabelsToTarget.map(String.init) ?? "not reached") (same run)")
        let rounds = points.dropFirst()
        if !rounds.isEmpty {
            lines.append(String(
                format: "train + judge a candidate: mean %.1f s + %.1f s (max %.1f s + %.1f s)",
                rounds.map(\.trainSeconds).reduce(0, +) / Double(rounds.count), rounds.map(\.gateSeconds).reduce(0, +) / Double(rounds.count),
                rounds.map(\.trainSeconds).max() ?? 0, rounds.map(\.gateSeconds).max() ?? 0
            ))
        }
        lines.append(String(format: "turns during the replay: p50 %.2f ms, p99 %.2f ms", turnP50 * 1000, turnP99 * 1000))
        lines.append(String(
            format: "hot swap: promote in the server's process p50 %.1f ms (max %.1f); swap after another process promoted p50 %.1f ms (max %.1f); promotion by another process to the first turn on it, polling every %d ms: p50 %.0f ms, max %.0f ms",
            percentile(swaps.inProcess, 50) * 1000, (swaps.inProcess.max() ?? 0) * 1000, percentile(swaps.refresh, 50) * 1000,
            (swaps.refresh.max() ?? 0) * 1000, swaps.interval, percentile(swaps.crossProcess, 50) * 1000, (swaps.crossProcess.max() ?? 0) * 1000
        ))
        lines.append(String(
            format: "turn latency, 4 concurrent clients, %d turns each phase: without swaps p50 %.2f ms p99 %.2f ms; with %d swaps p50 %.2f ms p99 %.2f ms (p99 ratio %.2f)",
            swaps.turnsPerPhase, swaps.baselineP50 * 1000, swaps.baselineP99 * 1000, swaps.swapsDuringLoad, swaps.swapP50 * 1000,
            swaps.swapP99 * 1000, swaps.swapP99 / max(swaps.baselineP99, 1e-9)
        ))
        return lines
    }
}
