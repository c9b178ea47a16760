import Foundation

/// The confusion matrix as an SVG heat map, readable with dozens of intents:
/// labels sorted and written on both axes, each cell coloured by the share of
/// its gold row (white → dark blue, with a legend), the diagonal outlined,
/// counts printed in the cells when there are few intents, and a tooltip with
/// gold, predicted and count on every non-empty cell.
enum ConfusionMatrixChart {
    static func svg(_ confusion: NLUTestResult.ConfusionMatrix, title: String = "Intent confusion matrix") -> String {
        let labels = confusion.labels
        let count = labels.count
        let cell: Double = count <= 20 ? 28 : count <= 50 ? 14 : 10
        let longest = Double(labels.map(\.count).max() ?? 4)
        let fontSize: Double = min(11, max(7, cell * 0.8))
        let labelSpace = min(320, longest * fontSize * 0.62 + 12)
        let left = labelSpace + 30
        let top: Double = 50
        let grid = cell * Double(count)
        let legendWidth: Double = 90
        var svg = SVGDocument(width: left + grid + legendWidth + 20, height: top + grid + labelSpace + 40)
        svg.text(title, x: left + grid / 2, y: 24, size: 16, anchor: .middle, bold: true)
        svg.text("predicted intent", x: left + grid / 2, y: top + grid + labelSpace + 30, size: 13, anchor: .middle)
        svg.text("gold intent", x: 14, y: top + grid / 2, size: 13, anchor: .middle, rotate: -90)

        for (row, gold) in labels.enumerated() {
            let total = confusion.matrix[row].reduce(0, +)
            for (column, predicted) in labels.enumerated() {
                let value = confusion.matrix[row][column]
                let share = total == 0 ? 0 : Double(value) / Double(total)
                let x = left + Double(column) * cell
                let y = top + Double(row) * cell
                let tooltip = value == 0 ? nil : "\(gold) → \(predicted): \(value) (\(String(format: "%.0f", share * 100))% of \(gold))"
                svg.rect(x: x, y: y, width: cell, height: cell, fill: value == 0 ? "#ffffff" : colour(share), tooltip: tooltip)
                if count <= 20, value > 0 {
                    svg.text("\(value)", x: x + cell / 2, y: y + cell / 2 + 4, size: 10, anchor: .middle, fill: share > 0.5 ? "#ffffff" : "#111111")
                }
            }
            svg.text(gold, x: left - 4, y: top + Double(row) * cell + cell / 2 + fontSize * 0.35, size: fontSize, anchor: .end)
        }
        for (column, predicted) in labels.enumerated() {
            let x = left + Double(column) * cell + cell / 2 + fontSize * 0.35
            svg.text(predicted, x: x, y: top + grid + 6, size: fontSize, anchor: .end, rotate: -90)
        }
        for index in 0..<count {  // outline the diagonal
            let position = Double(index) * cell
            svg.rect(x: left + position, y: top + position, width: cell, height: cell, fill: "none", stroke: "#444444")
        }
        svg.rect(x: left, y: top, width: grid, height: grid, fill: "none", stroke: "#888888")

        let legendX = left + grid + 20
        let legendHeight = min(grid, 200)
        for step in 0..<20 {
            let share = 1 - Double(step) / 20
            svg.rect(x: legendX, y: top + Double(step) * legendHeight / 20, width: 14, height: legendHeight / 20 + 0.5, fill: colour(share))
        }
        svg.text("100%", x: legendX + 18, y: top + 9, size: 10)
        svg.text("0%", x: legendX + 18, y: top + legendHeight, size: 10)
        svg.text("share of row", x: legendX, y: top + legendHeight + 16, size: 10)
        return svg.text
    }

    /// White to dark blue, perceptually roughly even.
    static func colour(_ share: Double) -> String {
        let t = min(max(share, 0), 1).squareRoot()
        let low = (r: 239.0, g: 243.0, b: 255.0)
        let high = (r: 8.0, g: 48.0, b: 107.0)
        let r = Int(low.r + (high.r - low.r) * t)
        let g = Int(low.g + (high.g - low.g) * t)
        let b = Int(low.b + (high.b - low.b) * t)
        return String(format: "#%02x%02x%02x", r, g, b)
    }
}
