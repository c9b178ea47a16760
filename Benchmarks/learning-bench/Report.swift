import Foundation

/// The report directory: the learning curve as SVG, the rounds as CSV, the figures as Markdown.
enum Report {
    static func write(_ summary: Summary, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try svg(summary).write(to: directory.appendingPathComponent("learning-curve.svg"), atomically: true, encoding: .utf8)
        var csv = "round,turns,labels,surfaced,active_accuracy,candidate_accuracy,random_accuracy,gate_passed,train_seconds,gate_seconds,failed_conditions\n"
        for point in summary.points {
            csv += "\(point.round),\(point.turns),\(point.labels),\(point.surfaced),\(point.active),\(point.candidate.map { String($0) } ?? ""),"
            csv += "\(point.random.map { String($0) } ?? ""),\(point.gatePassed.map { String($0) } ?? ""),\(point.trainSeconds),\(point.gateSeconds),\(point.failed.joined(separator: ";"))\n"
        }
        try csv.write(to: directory.appendingPathComponent("rounds.csv"), atomically: true, encoding: .utf8)
        let markdown = "# Learning curve on BANKING77\n\n`\(summary.command)`\n\n![learning curve](learning-curve.svg)\n\n```\n"
            + summary.lines().joined(separator: "\n") + "\n```\n"
        try markdown.write(to: directory.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
    }

    /// Test accuracy against labels: the review route (serving model), the random baseline, the full-data line and the target.
    static func svg(_ summary: Summary) -> String {
        let width = 720.0, height = 440.0, left = 70.0, right = 170.0, top = 30.0, bottom = 50.0
        let maxLabels = Double(max(summary.points.map(\.labels).max() ?? 1, 1))
        let values = summary.points.flatMap { [$0.active] + ($0.random.map { [$0] } ?? []) } + [summary.fullAccuracy]
        let low = max(0, ((values.min() ?? 0) * 20).rounded(.down) / 20 - 0.05)
        let high = min(1, ((values.max() ?? 1) * 20).rounded(.up) / 20)
        func x(_ labels: Int) -> Double { left + Double(labels) / maxLabels * (width - left - right) }
        func y(_ value: Double) -> Double { top + (high - value) / max(high - low, 0.01) * (height - top - bottom) }
        func polyline(_ points: [(Int, Double)], _ colour: String, dashed: Bool = false) -> String {
            let coordinates = points.map { String(format: "%.1f,%.1f", x($0.0), y($0.1)) }.joined(separator: " ")
            let marks = points.map { String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%@\"/>", x($0.0), y($0.1), colour) }.joined()
            return "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dashed ? " stroke-dasharray=\"5,4\"" : "") points=\"\(coordinates)\"/>" + marks
        }
        var body = ""
        var tick = (low * 20).rounded(.up) / 20
        while tick <= high + 1e-9 {
            body += String(format: "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%.0f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.0f %%</text>",
                           left, width - right, y(tick), y(tick), left - 6, y(tick) + 4, tick * 100)
            tick += 0.05
        }
        for point in summary.points {
            body += String(format: "<text x=\"%.1f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"middle\">%d</text>", x(point.labels), height - bottom + 16, point.labels)
        }
        for (value, colour, name) in [(summary.fullAccuracy, "#555", "full train.csv"), (summary.target, "#c60", "90 % of full")] {
            body += String(format: "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%@\" stroke-dasharray=\"2,3\"/><text x=\"%.0f\" y=\"%.1f\" font-size=\"11\" fill=\"%@\">%@ %@ %%</text>",
                           left, width - right, y(value), y(value), colour, width - right + 6, y(value) + 4, colour, name, pct(value))
        }
        body += polyline(summary.points.map { ($0.labels, $0.active) }, "#1f6fb4")
        body += polyline(summary.points.compactMap { point in point.random.map { (point.labels, $0) } }, "#b4341f", dashed: true)
        let legend = "<text x=\"\(left + 10)\" y=\"\(top + 14)\" font-size=\"12\" fill=\"#1f6fb4\">review queue + gate (serving model)</text>"
            + "<text x=\"\(left + 10)\" y=\"\(top + 30)\" font-size=\"12\" fill=\"#b4341f\">as many random turns labelled</text>"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left)" y="18" font-size="14">BANKING77: test accuracy against agent labels</text>
            \(body)\(legend)
            <text x="\((left + width - right) / 2)" y="\(height - 10)" font-size="12" text-anchor="middle">labels</text>
            </svg>

            """
    }
}
