import Foundation
@testable import ParleyCLI
import ParleyRedaction
import ParleyTestSupport
import Testing

/// `parley redact FILE` costs time linear in the file: each adversarial shape
/// at 1 KiB and at 1 MiB, or 64 KiB for shapes no stage was quadratic on
/// (`FileShape.longBytes`), (the file read, split into lines and paragraphs,
/// redacted and written), and the long one may cost at most twice the linear
/// share. The shapes are single lines, one paragraph of a mebibyte: a file
/// of short lines is redacted 64 KiB at a time whatever the detectors do.
@Suite(.serialized) struct RedactFileScalingTests {
    static let redactor: Redactor = {
        do { return try Redactor(policy: .default) } catch { fatalError("the default policy is invalid") }
    }()

    static let shapes: [FileShape] = [
        // Street addresses and names the tagger also reads: every tagger span checked against every address was quadratic.
        FileShape("addresses and names on one line", "Anna Smith lives at 12 Baker Street, London NW1 6XE. ", longBytes: FileShape.mebibyte),
        FileShape("one letter", "a"),
        FileShape("long digit runs", "1"),
        FileShape("alternating punctuation", ".,"),
        FileShape("emoji and combining marks", "😀e\u{301}\u{302}"),
    ]

    static let jsonlShapes: [FileShape] = [
        FileShape("one record, digits and dots", "1.", prefix: #"{"id": 1, "text": ""#, suffix: "\"}\n"),
        FileShape("many records", #"{"text": "mail a@b.co"}"# + "\n"),
    ]

    private func measure(_ shape: FileShape, jsonl: Bool) async throws {
        let (short, long, sizeRatio) = shape.shortAndLong(long: shape.longBytes)
        let shortFile = try FileShape.write(short, named: "short.txt")
        let longFile = try FileShape.write(long, named: "long.txt")
        defer {
            try? FileManager.default.removeItem(at: shortFile.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: longFile.deletingLastPathComponent())
        }
        let measurement = await onDedicatedThread {
            ScalingProbe.measure(short: shortFile, long: longFile, sizeRatio: sizeRatio, samples: 1) { file in
                var written = 0
                var output = RedactionOutput(redactor: Self.redactor, jsonl: jsonl, field: "text", spansAsJSON: jsonl) { written += $0.utf8.count }
                do {
                    try output.add(contentsOf: String(contentsOf: file, encoding: .utf8), source: file.lastPathComponent)
                } catch {
                    Issue.record("\(shape.name): \(error)")
                }
            }
        }
        #expect(measurement.isAtMostTwiceLinear, "\(shape.name): \(measurement)")
    }

    @Test(arguments: shapes) func redactingAPlainTextFileIsLinear(shape: FileShape) async throws {
        try await measure(shape, jsonl: false)
    }

    @Test(arguments: jsonlShapes) func redactingAJSONLFileIsLinear(shape: FileShape) async throws {
        try await measure(shape, jsonl: true)
    }
}
