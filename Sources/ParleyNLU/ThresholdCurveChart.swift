import Foundation

/// The out-of-scope trade-off as SVG: in-scope accuracy, in-scope acceptance
/// and out-of-scope recall against the confidence threshold, with the
/// recommended threshold marked.
enum ThresholdCurveChart {
    static func svg(_ report: OutOfScopeReport, title: String = "Confidence threshold trade-off") -> String {
        var svg = SVGDocument(width: 640, height: 470)
        svg.text(title, x: 340, y: 26, size: 16, anchor: .middle, bold: true)
        let frame = (x: 70.0, y: 50.0, width: 540.0, height: 330.0)
        let map = svg.axes(frame: frame, yMax: 1, xTitle: "confidence threshold (below it: fallback)", yTitle: "share", yTicks: 10, yPercent: true)
        let series: [(String, String, KeyPath<OutOfScopeReport.Point, Double>)] = [
            ("#2b8cbe", "in-scope accuracy (accepted and right)", \.inScopeAccuracy),
            ("#9ecae1", "in-scope acceptance", \.inScopeAcceptance),
            ("#e34a33", "out-of-scope recall (sent to fallback)", \.outOfScopeRecall),
        ]
        for (colour, _, path) in series {
            svg.polyline(report.curve.map { (map.x($0.threshold), map.y($0[keyPath: path])) }, stroke: colour)
        }
        let chosen = report.recommended
        svg.line(x1: map.x(chosen.threshold), y1: map.y(0), x2: map.x(chosen.threshold), y2: map.y(1), stroke: "#333333", width: 1.5, dashed: true)
        svg.text(
            String(format: "threshold %.2f: in-scope accuracy %.1f%%, out-of-scope recall %.1f%%", chosen.threshold, chosen.inScopeAccuracy * 100, chosen.outOfScopeRecall * 100),
            x: frame.x + frame.width / 2, y: 440, size: 12, anchor: .middle
        )
        svg.text("criterion: \(report.criterion)", x: frame.x + frame.width / 2, y: 458, size: 11, anchor: .middle, fill: "#555555")
        CalibrationCharts.legend(&svg, x: frame.x + 250, y: frame.y + 140, items: series.map { ($0.0, $0.1) })
        return svg.text
    }
}
