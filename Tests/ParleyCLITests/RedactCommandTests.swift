import ArgumentParser
import Foundation
@testable import ParleyCLI
import ParleyRedaction
import Testing

/// `parley redact`'s output: paragraphs of plain text, JSONL records, span reports.
@Suite struct RedactCommandTests {
    private func run(_ lines: [String], jsonl: Bool = false, spans: Bool = false) throws -> [String] {
        var written: [String] = []
        var output = RedactionOutput(redactor: try Redactor(policy: .default), jsonl: jsonl, field: "text", spansAsJSON: spans) {
            written.append($0)
        }
        for line in lines { try output.add(line, source: "test") }
        try output.finish(source: "test")
        return written.joined(separator: "\n").components(separatedBy: "\n")
    }

    @Test func plainTextKeepsItsLinesAndALabelOnOneLineIsContextForTheNext() throws {
        let out = try run(["Patient record", "Date of birth:", "14/03/1961", "", "write to jo.bloggs@example.org"])
        #expect(out.count == 5)
        #expect(out[0] == "Patient record")
        #expect(!out[2].contains("1961"))
        #expect(out[3] == "")
        #expect(out[4] == "write to [EMAIL]")
    }

    @Test func jsonlRedactsTheFieldAndPassesTheRestThrough() throws {
        let out = try run([#"{"id": 7, "text": "card 4111 1111 1111 1111 please"}"#], jsonl: true, spans: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out[0].utf8)) as? [String: Any])
        #expect(object["id"] as? Int == 7)
        #expect(object["text"] as? String == "card [CREDIT_CARD] please")
        let spans = try #require(object["spans"] as? [[String: Any]])
        #expect(spans.first?["type"] as? String == "CREDIT_CARD")
        #expect(spans.first?["start"] as? Int == 5)
        #expect(!out[0].contains("4111"))
    }

    @Test func aLineThatIsNotJSONNamesItsSourceAndLine() throws {
        var output = RedactionOutput(redactor: try Redactor(policy: .default), jsonl: true, field: "text", spansAsJSON: false) { _ in }
        try output.add(#"{"text": "fine"}"#, source: "in.jsonl")
        #expect {
            try output.add("not json", source: "in.jsonl")
        } throws: { error in
            String(describing: error).contains("in.jsonl:2")
        }
    }
}
