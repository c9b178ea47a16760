import Foundation

/// The confidence histogram and the reliability diagram, as SVG.
enum CalibrationCharts {
    /// Top confidences in 20 equal-width bins: correct predictions in the
    /// upper panel, errors in the lower one, each panel with its own scale
    /// (errors are few and would vanish on a shared one).
    static func histogram(confidences: [Double], correct: [Bool], title: String = "Confidence histogram") -> String {
        let binCount = 20
        var right = [Int](repeating: 0, count: binCount)
        var wrong = [Int](repeating: 0, count: binCount)
        for (confidence, isCorrect) in zip(confidences, correct) {
            let bin = min(max(Int(confidence * Double(binCount)), 0), binCount - 1)
            if isCorrect { right[bin] += 1 } else { wrong[bin] += 1 }
        }
        var svg = SVGDocument(width: 640, height: 620)
        svg.text(title, x: 340, y: 26, size: 16, anchor: .middle, bold: true)
        let panels: [(counts: [Int], colour: String, label: String, top: Double)] = [
            (right, "#2b8cbe", "correct predictions (\(right.reduce(0, +)))", 50),
            (wrong, "#e34a33", "wrong predictions (\(wrong.reduce(0, +)))", 330),
        ]
        for panel in panels {
            let frame = (x: 70.0, y: panel.top, width: 540.0, height: 220.0)
            let yMax = niceCeiling(Double(max(panel.counts.max() ?? 1, 1)))
            let leading = yMax / pow(10, floor(log10(yMax)))
            let ticks = yMax < 5 ? Int(yMax) : abs(leading - 2) < 1e-9 ? 4 : 5  // whole-number steps
            let map = svg.axes(frame: frame, yMax: yMax, xTitle: "confidence of the predicted intent", yTitle: "examples", yTicks: max(ticks, 1))
            let width = frame.width / Double(binCount)
            for (bin, count) in panel.counts.enumerated() {
                let x = map.x(Double(bin) / Double(binCount))
                let range = String(format: "%.2f–%.2f", Double(bin) / Double(binCount), Double(bin + 1) / Double(binCount))
                svg.rect(x: x + 1, y: map.y(Double(count)), width: width - 2, height: map.y(0) - map.y(Double(count)), fill: panel.colour, tooltip: "\(range): \(count)")
            }
            legend(&svg, x: frame.x + 12, y: frame.y + 6, items: [(panel.colour, panel.label)])
        }
        return svg.text
    }

    /// Accuracy against mean confidence per bin, with the diagonal of perfect
    /// calibration, the gap shaded, and the ECE in the title.
    static func reliability(_ report: CalibrationReport, title: String = "Reliability diagram") -> String {
        var svg = SVGDocument(width: 560, height: 520)
        svg.text("\(title) — ECE \(String(format: "%.2f", report.expectedCalibrationError * 100))% (\(report.bins.count) bins)", x: 300, y: 26, size: 16, anchor: .middle, bold: true)
        let frame = (x: 80.0, y: 50.0, width: 400.0, height: 400.0)
        let map = svg.axes(frame: frame, yMax: 1, xTitle: "confidence", yTitle: "accuracy", yTicks: 10, yPercent: true)
        for bin in report.bins where bin.count > 0 {
            let x = map.x(bin.lower)
            let width = map.x(bin.upper) - x
            svg.rect(x: x + 1, y: map.y(bin.accuracy), width: width - 2, height: map.y(0) - map.y(bin.accuracy), fill: "#2b8cbe", stroke: "#1f5f85",
                     tooltip: String(format: "%.2f–%.2f: %d examples, accuracy %.1f%%, mean confidence %.1f%%", bin.lower, bin.upper, bin.count, bin.accuracy * 100, bin.meanConfidence * 100))
            let low = min(bin.accuracy, bin.meanConfidence)
            let high = max(bin.accuracy, bin.meanConfidence)
            svg.rect(x: x + 1, y: map.y(high), width: width - 2, height: map.y(low) - map.y(high), fill: "#e34a33", opacity: 0.55, tooltip: String(format: "gap %.1f points", (high - low) * 100))
            svg.text("\(bin.count)", x: x + width / 2, y: map.y(bin.accuracy) - 4, size: 9, anchor: .middle, fill: "#555555")
        }
        svg.line(x1: map.x(0), y1: map.y(0), x2: map.x(1), y2: map.y(1), stroke: "#555555", width: 1.5, dashed: true)
        legend(&svg, x: frame.x + 12, y: frame.y + 10, items: [("#2b8cbe", "accuracy in bin (count above)"), ("#e34a33", "gap to mean confidence")])
        return svg.text
    }

    static func legend(_ svg: inout SVGDocument, x: Double, y: Double, items: [(colour: String, label: String)]) {
        for (index, item) in items.enumerated() {
            let rowY = y + Double(index) * 18
            svg.rect(x: x, y: rowY, width: 12, height: 12, fill: item.colour)
            svg.text(item.label, x: x + 18, y: rowY + 10, size: 12)
        }
    }

    /// 1, 2 or 5 times a power of ten, at least `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }
}
