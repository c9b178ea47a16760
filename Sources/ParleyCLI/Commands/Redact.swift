import ArgumentParser
import Foundation
import ParleyEngine
import ParleyRedaction

/// `parley redact`: the redaction engine for any document, and its evaluation.
struct Redact: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Redact PII from text or JSONL (files or standard input), or evaluate the detectors on a labelled corpus.",
        discussion: """
            Plain text is redacted a paragraph at a time (lines up to a blank line, at
            most 64 KiB), so a label on one line ("Date of birth:") counts as context for
            a value on the next. With --jsonl, each line is a JSON object whose --field
            (default "text") is redacted; the other fields pass through. --json prints,
            per paragraph (or JSONL line), the redacted text and the spans found (type,
            scalar offsets in that paragraph, score, detector, operator) without the raw
            values; "line" is the paragraph's first line. A paragraph is printed when it
            ends, so streamed input (tail -f) comes out at blank lines. The policy is
            policies/pii.yml.

            --evaluate FILE scores the detectors on a JSONL corpus of
            {"text", "spans": [{"type", "start", "end"}]} (Unicode scalar offsets, end
            exclusive) and prints precision, recall and F1 per type, for exact spans and
            for spans of the same type sharing at least half of the longer one, side by
            side; the micro average over all types and over the pattern types (EMAIL,
            PHONE, CREDIT_CARD, IBAN, US_SSN, UK_NHS, IP_ADDRESS, URL, CRYPTO_WALLET,
            DATE); and the confusion between types. --scheme coarse (the default when
            the corpus labels DATE or LOCATION) reads the finer types as coarse ones on
            both sides: DATE_OF_BIRTH as DATE, STREET_ADDRESS and POSTCODE as LOCATION.
            --scheme product compares the product's own types as they are.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Files to redact (default: standard input).")
    var files: [String] = []

    @Flag(help: "Input is JSON Lines.")
    var jsonl = false

    @Option(help: "With --jsonl, the field to redact.")
    var field = "text"

    @Flag(help: "Print spans as JSON (one object per input line), or the evaluation report as JSON.")
    var json = false

    @Option(help: "Evaluate the detectors on a labelled JSONL corpus instead of redacting.")
    var evaluate: String?

    @Option(help: "With --evaluate: product (types as they are) or coarse (DATE_OF_BIRTH as DATE, STREET_ADDRESS and POSTCODE as LOCATION); default: coarse when the corpus labels DATE or LOCATION.")
    var scheme: EvaluationScheme?

    func validate() throws {
        if evaluate != nil, !files.isEmpty { throw ValidationError("--evaluate takes its corpus file; give no other files") }
        if scheme != nil, evaluate == nil { throw ValidationError("--scheme applies to --evaluate only") }
    }

    func run() async throws {
        let configuration = try global.load()
        let logger = global.logger(configuration)
        let bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
        let redactor = try makeRedactor(bootstrap)
        if let evaluate {
            try runEvaluation(redactor, corpus: evaluate)
            return
        }
        var output = RedactionOutput(redactor: redactor, jsonl: jsonl, field: field, spansAsJSON: json)
        if files.isEmpty {
            while let line = readLine(strippingNewline: true) {
                try output.add(line, source: "standard input")
            }
            try output.finish(source: "standard input")
        } else {
            for file in files {
                let text: String
                do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                    throw ValidationError("\(file) cannot be read (missing, unreadable or not UTF-8)")
                }
                try output.add(contentsOf: text, source: file)
            }
        }
    }

    /// The configured policy; the keyed hasher only when the policy uses `hash` (it needs the master key).
    private func makeRedactor(_ bootstrap: EngineBootstrap) throws -> Redactor {
        let policyFile = bootstrap.configuration.paths.policiesDirectory.appendingPathComponent("pii.yml")
        let policy = try PIIPolicyReader.load(policyFile)
        let usesHash = PIIEntityType.allCases.contains { policy.isEnabled($0) && policy.operatorChoice(for: $0) == .hash }
        guard usesHash else { return try Redactor(policy: policy) }
        return try bootstrap.redactor(keys: bootstrap.keys(createIfFresh: false))
    }

    private func runEvaluation(_ redactor: Redactor, corpus: String) throws {
        let text: String
        do { text = try String(contentsOfFile: corpus, encoding: .utf8) } catch {
            throw ValidationError("\(corpus) cannot be read (missing, unreadable or not UTF-8)")
        }
        let report = try RedactionEvaluator(redactor: redactor).evaluate(
            jsonLines: text.split(separator: "\n", omittingEmptySubsequences: false), scheme: scheme)
        if json {
            try printJSON(report)
            return
        }
        for line in EvaluationTable(report: report).lines() { print(line) }
    }
}

/// Writes redacted paragraphs or JSONL lines (or their span reports) to standard output.
struct RedactionOutput {
    static let paragraphLimit = 64 * 1024

    let redactor: Redactor
    let jsonl: Bool
    let field: String
    let spansAsJSON: Bool
    let write: (String) -> Void
    private var paragraph: [String] = []
    private var paragraphBytes = 0
    private var paragraphStart = 1
    private var lineNumber = 0

    init(redactor: Redactor, jsonl: Bool, field: String, spansAsJSON: Bool, write: @escaping (String) -> Void = { print($0) }) {
        self.redactor = redactor
        self.jsonl = jsonl
        self.field = field
        self.spansAsJSON = spansAsJSON
        self.write = write
    }

    /// One input line: a JSONL record at once, plain text into the paragraph.
    mutating func add(_ line: String, source: String) throws {
        lineNumber += 1
        if jsonl { return try processRecord(line, source: source, line: lineNumber) }
        if line.allSatisfy(\.isWhitespace) {
            try flush()
            paragraphStart = lineNumber + 1
            if !spansAsJSON { write(line) }  // --json prints JSON lines only
            return
        }
        if paragraph.isEmpty { paragraphStart = lineNumber }
        paragraph.append(line)
        paragraphBytes += line.utf8.count + 1
        if paragraphBytes >= Self.paragraphLimit {
            try flush()
            paragraphStart = lineNumber + 1
        }
    }

    /// A whole file's text, line by line, then its end.
    mutating func add(contentsOf text: String, source: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for line in lines { try add(String(line), source: source) }
        try finish(source: source)
    }

    /// The end of one input: its last paragraph; the next input counts lines from 1.
    mutating func finish(source: String) throws {
        try flush()
        lineNumber = 0
        paragraphStart = 1
    }

    private mutating func flush() throws {
        guard !paragraph.isEmpty else { return }
        let result = redactor.redact(paragraph.joined(separator: "\n"))
        paragraph.removeAll(keepingCapacity: true)
        paragraphBytes = 0
        if spansAsJSON {
            let object: [String: Any] = ["line": paragraphStart, "text": result.redactedText, "spans": spans(result)]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            write(String(decoding: data, as: UTF8.self))
        } else {
            write(result.redactedText)
        }
    }

    private func processRecord(_ line: String, source: String, line number: Int) throws {
        guard !line.allSatisfy(\.isWhitespace) else { return write(line) }
        guard var object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            throw ValidationError("\(source):\(number): not a JSON object")
        }
        guard let text = object[field] as? String else {
            throw ValidationError("\(source):\(number): no string field '\(field)'")
        }
        let result = redactor.redact(text)
        object[field] = result.redactedText
        if spansAsJSON { object["spans"] = spans(result) }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        write(String(decoding: data, as: UTF8.self))
    }

    private func spans(_ result: RedactionResult) -> [[String: Any]] {
        result.spans.map {
            [
                "type": $0.type.rawValue, "start": $0.originalStart, "end": $0.originalEnd,
                "redacted_start": $0.redactedStart, "redacted_end": $0.redactedEnd,
                "score": $0.score, "detector": $0.detector, "operator": $0.operatorKind.rawValue,
            ]
        }
    }
}
