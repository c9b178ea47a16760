import Foundation
import ParleyEngine

/// `turn-server parse`: the CPU time of the whole parse of one longest
/// message (`IncomingMessage.maxTextLength` scalars) of each adversarial
/// shape, on the engine `parley serve` runs: `ParleyEngine.parse` (redaction,
/// then the NLU cascade with its sentence encoder, as `/model/parse`).
/// Each shape is parsed once to warm up, then `repeats` times; the best
/// time counts (this thread's CPU time: other processes on the cores do not
/// count). The shapes are those of the scaling tests
/// (Tests/ParleyEngineTests/Scaling/InputShape.swift).
struct ParseBenchmark {
    struct Row {
        let name: String
        let milliseconds: Double
        /// The cascade stage that decided (`hybrid`: the message reached the sentence encoder).
        let stage: String
    }

    static let shapes: [(name: String, prefix: String, unit: String, suffix: String)] = [
        ("one letter", "", "a", ""), ("one digit", "", "1", ""), ("spaces after a digit", "1", " ", ""),
        ("spaces after 'order'", "order", " ", ""), ("dots", "", ".", ""), ("hashes", "", "#", ""),
        ("dollar signs", "", "$", ""), ("at signs", "", "@", ""), ("a.a.a…@", "", "a.", "@"), ("a@ then a.a.a…", "a@", "a.", ""),
        ("alternating punctuation", "", ".,", ""), ("dashes and underscores", "", "-_", ""), ("thousands groups", "", "111,", ""),
        ("decimal runs", "", "1.", ""), ("digit quads", "", "1234 ", ""), ("amounts", "", "$1 ", ""), ("amount words", "", "1 usd ", ""),
        ("written dates", "", "1st jan ", ""), ("relative dates", "", "today ", ""), ("order phrases", "", "order ", ""),
        ("order numbers", "", "order #12345 ", ""), ("placeholders", "", "[EMAIL] ", ""), ("open brackets", "", "[", ""),
        ("nested brackets", "", "([{", ""), ("lookup phrases", "", "real person bill ", ""), ("capitalised names", "", "Anna ", ""),
        ("name cues", "", "my name is ", ""), ("emoji", "", "😀", ""), ("emoji with skin tone", "", "👍🏽", ""), ("flags", "", "🇬🇧", ""),
        ("combining marks", "", "e\u{301}", ""), ("one letter, many marks", "a", "\u{301}", ""), ("CJK", "", "漢字", ""),
        ("apostrophes", "", "a'", ""), ("words", "", "where is my order please ", ""),
        // File-scaling shapes, as one message.
        ("addresses and names", "", "Anna Smith lives at 12 Baker Street, London NW1 6XE. ", ""),
        ("cards and emails", "", "card 4111 1111 1111 1111 mail a.b@example.com ", ""),
    ]

    /// `count` scalars of the shape: the prefix, the unit repeated, the suffix.
    static func text(prefix: String, unit: String, suffix: String, scalars count: Int) -> String {
        var scalars = Array(prefix.unicodeScalars)
        let unitScalars = Array(unit.unicodeScalars)
        let end = Array(suffix.unicodeScalars)
        while scalars.count < count - end.count {
            scalars.append(unitScalars[(scalars.count - prefix.unicodeScalars.count) % unitScalars.count])
        }
        return String(String.UnicodeScalarView((scalars + end).prefix(count)))
    }

    let repeats: Int
    /// Only the shape of this name (for `perf record`), or every shape.
    var only: String? = nil

    func run(engine: ParleyEngine) -> [Row] {
        Self.shapes.filter { only == nil || $0.name == only }.map { shape in
            let text = Self.text(prefix: shape.prefix, unit: shape.unit, suffix: shape.suffix, scalars: IncomingMessage.maxTextLength)
            let first = engine.parse(text)
            var sink = first.entities.count
            var best = Double.infinity
            for _ in 0..<repeats {
                let start = Self.threadCPUSeconds()
                sink &+= engine.parse(text).entities.count
                best = min(best, Self.threadCPUSeconds() - start)
            }
            withExtendedLifetime(sink) {}
            return Row(name: shape.name, milliseconds: best * 1000, stage: first.stage.rawValue)
        }
    }

    static func table(_ rows: [Row]) -> String {
        var lines = ["shape (\(IncomingMessage.maxTextLength) scalars)".padding(toLength: 34, withPad: " ", startingAt: 0) + "  CPU ms  stage"]
        for row in rows {
            lines.append(row.name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%8.2f", row.milliseconds) + "  " + row.stage)
        }
        let hybrid = rows.filter { $0.stage == "hybrid" }
        if let worst = hybrid.max(by: { $0.milliseconds < $1.milliseconds }) {
            lines.append("reached the encoder: \(hybrid.count) of \(rows.count) shapes; worst of those: \(worst.name), " + String(format: "%.2f ms", worst.milliseconds))
        }
        if let worst = rows.max(by: { $0.milliseconds < $1.milliseconds }) {
            lines.append("worst: \(worst.name), " + String(format: "%.2f ms", worst.milliseconds))
        }
        return lines.joined(separator: "\n")
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
