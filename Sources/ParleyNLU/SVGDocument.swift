import Foundation

/// A minimal SVG writer for the evaluation charts: shapes and text with
/// XML-escaped content, numbers with fixed precision, and the shared chart
/// furniture (axes with ticks, a title).
struct SVGDocument {
    let width: Double
    let height: Double
    private var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    var text: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.number(width))" height="\(Self.number(height))" \
        viewBox="0 0 \(Self.number(width)) \(Self.number(height))" font-family="Helvetica, Arial, sans-serif">
        <rect x="0" y="0" width="\(Self.number(width))" height="\(Self.number(height))" fill="#ffffff"/>
        \(elements.joined(separator: "\n"))
        </svg>

        """
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, opacity: Double = 1, tooltip: String? = nil) {
        var strokeAttribute = stroke.map { " stroke=\"\($0)\" stroke-width=\"0.5\"" } ?? ""
        if opacity < 1 { strokeAttribute += " fill-opacity=\"\(Self.number(opacity))\"" }
        let open = "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill)\"\(strokeAttribute)"
        if let tooltip {
            elements.append(open + "><title>\(Self.escape(tooltip))</title></rect>")
        } else {
            elements.append(open + "/>")
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#333333", width: Double = 1, dashed: Bool = false) {
        let dash = dashed ? " stroke-dasharray=\"4 3\"" : ""
        elements.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(dash)/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"/>")
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ content: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, rotate: Double = 0, bold: Bool = false, fill: String = "#222222") {
        let transform = rotate == 0 ? "" : " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\""
        let weight = bold ? " font-weight=\"bold\"" : ""
        elements.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\"\(weight)\(transform)>\(Self.escape(content))</text>")
    }

    /// A plot frame: x axis from 0 to 1 (or `xMax`) and y axis from 0 to `yMax`,
    /// with ticks and axis titles. Returns the mapping from data to pixels.
    mutating func axes(
        frame: (x: Double, y: Double, width: Double, height: Double),
        xMax: Double = 1, yMax: Double, xTitle: String, yTitle: String, yTicks: Int = 5, yPercent: Bool = false
    ) -> (x: (Double) -> Double, y: (Double) -> Double) {
        let mapX = { (value: Double) in frame.x + value / xMax * frame.width }
        let mapY = { (value: Double) in frame.y + frame.height - value / max(yMax, 1e-12) * frame.height }
        line(x1: frame.x, y1: frame.y + frame.height, x2: frame.x + frame.width, y2: frame.y + frame.height)
        line(x1: frame.x, y1: frame.y, x2: frame.x, y2: frame.y + frame.height)
        for tick in 0...10 {
            let value = Double(tick) / 10 * xMax
            let x = mapX(value)
            line(x1: x, y1: frame.y + frame.height, x2: x, y2: frame.y + frame.height + 4)
            if tick % 2 == 0 { text(String(format: "%.1f", value), x: x, y: frame.y + frame.height + 17, size: 11, anchor: .middle) }
        }
        for tick in 0...yTicks {
            let value = Double(tick) / Double(yTicks) * yMax
            let y = mapY(value)
            line(x1: frame.x - 4, y1: y, x2: frame.x, y2: y)
            line(x1: frame.x, y1: y, x2: frame.x + frame.width, y2: y, stroke: "#e5e5e5", width: 0.5)
            let label = yPercent ? String(format: "%.0f%%", value * 100) : (yMax >= 10 ? String(format: "%.0f", value) : String(format: "%.1f", value))
            text(label, x: frame.x - 7, y: y + 4, size: 11, anchor: .end)
        }
        text(xTitle, x: frame.x + frame.width / 2, y: frame.y + frame.height + 36, size: 13, anchor: .middle)
        text(yTitle, x: frame.x - 45, y: frame.y + frame.height / 2, size: 13, anchor: .middle, rotate: -90)
        return (mapX, mapY)
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Characters XML 1.0 forbids (most C0 controls) are dropped.
                if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
