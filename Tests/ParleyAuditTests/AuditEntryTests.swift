import Foundation
import ParleyCrypto
import Testing
@testable import ParleyAudit

@Suite struct AuditEntryTests {
    /// The worked example of parley-audit-format(5); the hex was computed
    /// independently (Python, from the documented layout).
    static func workedExample() throws -> AuditEntry {
        try AuditEntry(
            sequence: 1, time: AuditTime(rfc3339: "2025-01-01T00:00:00.123Z"), actor: .osUser("alice"),
            role: .admin, action: "key.rotate", target: AuditTarget(kind: "key", id: "audit-1"),
            outcome: .success, details: ["reason": "scheduled"]
        )
    }

    static let workedExampleHex =
        "000000157061726c65792d61756469742d656e7472792d76310000000000000001000001941f297c7b"
        + "000000086f733a616c6963650000000561646d696e0000000a6b65792e726f7461746501000000036b6579"
        + "0000000761756469742d3100000007737563636573730000000100000006726561736f6e0000000973636865"
        + "64756c6564"

    @Test func canonicalBytesMatchTheDocumentedWorkedExample() throws {
        let entry = try Self.workedExample()
        #expect(Hex.encode(entry.canonicalBytes) == Self.workedExampleHex)
        #expect(entry.leafHash.hex == "058069ac00117942f20aac569119459639e2761382346c49a3e93bb748efa3d0")
        #expect(entry.leafHash == MerkleHash(bytes: SHA256.hash([0] + entry.canonicalBytes)))
    }

    @Test func canonicalJSONHasFixedMemberOrderAndSortedDetails() throws {
        let entry = try AuditEntry(
            sequence: 9, time: AuditTime(rfc3339: "2025-06-30T23:59:59.999Z"), actor: .token(id: "01HXABC"),
            role: .agent, action: "handoff.claim", outcome: .denied,
            details: ["zeta": "last", "Alpha": "upper first", "a.b": "é \"q\" \\ /"]
        )
        #expect(entry.canonicalJSON == #"{"seq":9,"time":"2025-06-30T23:59:59.999Z","actor":"token:01HXABC","role":"agent","action":"handoff.claim","target":null,"outcome":"denied","details":{"Alpha":"upper first","a.b":"é \"q\" \\ /","zeta":"last"}}"#)
        let decoded = try JSONDecoder().decode(AuditEntry.self, from: Data(entry.canonicalJSON.utf8))
        #expect(decoded == entry)
        #expect(decoded.canonicalBytes == entry.canonicalBytes)
    }

    @Test func targetPresenceChangesTheEncodingUnambiguously() throws {
        let with = try AuditEntry(sequence: 1, time: AuditTime(millisecondsSince1970: 0), actor: .system, role: .system,
                                  action: "server.start", target: AuditTarget(kind: "a", id: "b"), outcome: .success)
        let without = try AuditEntry(sequence: 1, time: AuditTime(millisecondsSince1970: 0), actor: .system, role: .system,
                                     action: "server.start", outcome: .success, details: ["a": "b"])
        #expect(with.canonicalBytes != without.canonicalBytes)
        #expect(with.leafHash != without.leafHash)
    }

    @Test func fieldBoundariesCannotBeShifted() throws {
        let a = try AuditEntry(sequence: 1, time: AuditTime(millisecondsSince1970: 0), actor: .system, role: .system,
                               action: "a.b", outcome: .success, details: ["k": "v1", "k2": "v"])
        let b = try AuditEntry(sequence: 1, time: AuditTime(millisecondsSince1970: 0), actor: .system, role: .system,
                               action: "a.b", outcome: .success, details: ["k": "v", "1k2": "v"])
        #expect(a.canonicalBytes != b.canonicalBytes)
    }

    @Test func invalidFieldsAreRefused() throws {
        let time = try AuditTime(millisecondsSince1970: 0)
        func make(sequence: UInt64 = 1, action: String = "a.b", details: [String: String] = [:]) throws {
            _ = try AuditEntry(sequence: sequence, time: time, actor: .system, role: .system, action: action,
                               outcome: .success, details: details)
        }
        #expect(throws: AuditError.self) { try make(sequence: 0) }
        for action in ["read", "Conversation.read", "a..b", ".a", "a.", "a.b c", "a.b\n", String(repeating: "a.", count: 40) + "a"] {
            #expect(throws: AuditError.self) { try make(action: action) }
        }
        for details in [["": "v"], ["k y": "v"], ["k": "line\nbreak"], ["k": "\u{1B}[31m"], ["k": "\u{85}"],
                        ["k": String(repeating: "x", count: 1025)], Dictionary(uniqueKeysWithValues: (0..<65).map { ("k\($0)", "v") })] {
            #expect(throws: AuditError.self) { try make(details: details) }
        }
        for actor in ["", "alice", "os:", "os:al ice", "OS:alice", ":x", "os:é", "token:" + String(repeating: "x", count: 123)] {
            #expect(throws: AuditError.self) { try AuditActor(rawValue: actor) }
        }
        #expect(throws: AuditError.self) { try AuditTarget(kind: "Conversation", id: "x") }
        #expect(throws: AuditError.self) { try AuditTarget(kind: "conversation", id: "") }
        #expect(throws: AuditError.self) { try AuditTarget(kind: "conversation", id: "has space") }
        #expect(try AuditActor.token(id: "01HX").rawValue == "token:01HX")
        #expect(try AuditActor.osUser("alice").rawValue == "os:alice")
    }

    @Test func decodingRejectsUnknownRolesAndOutcomesAndBadTimes() {
        let good = #"{"seq":1,"time":"2025-01-01T00:00:00.000Z","actor":"system","role":"system","action":"server.start","target":null,"outcome":"success","details":{}}"#
        #expect((try? JSONDecoder().decode(AuditEntry.self, from: Data(good.utf8))) != nil)
        let variants = [
            good.replacingOccurrences(of: #""role":"system""#, with: #""role":"root""#),
            good.replacingOccurrences(of: "success", with: "ok"),
            good.replacingOccurrences(of: "00.000Z", with: "00Z"),
            good.replacingOccurrences(of: #""seq":1"#, with: #""seq":0"#),
            good.replacingOccurrences(of: #""seq":1"#, with: #""seq":-1"#),
            good.replacingOccurrences(of: #","details":{}"#, with: ""),
        ]
        for json in variants {
            #expect(throws: (any Error).self) { try JSONDecoder().decode(AuditEntry.self, from: Data(json.utf8)) }
        }
    }

    @Test func timesRoundTripThroughTheirOnlyTextForm() throws {
        let known: [(String, UInt64)] = [
            ("1970-01-01T00:00:00.000Z", 0),
            ("2000-02-29T12:00:00.001Z", 951_825_600_001),
            ("2025-01-01T00:00:00.123Z", 1_735_689_600_123),
            ("9999-12-31T23:59:59.999Z", AuditTime.maximumMilliseconds),
        ]
        for (text, milliseconds) in known {
            let time = try AuditTime(rfc3339: text)
            #expect(time.millisecondsSince1970 == milliseconds, "\(text)")
            #expect(time.rfc3339 == text)
        }
        for milliseconds in stride(from: UInt64(0), to: AuditTime.maximumMilliseconds, by: 7_919_999_999_937) {
            let time = try AuditTime(millisecondsSince1970: milliseconds)
            #expect(try AuditTime(rfc3339: time.rfc3339) == time)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            #expect(formatter.string(from: time.date) == time.rfc3339)
        }
    }

    @Test func malformedTimesAreRejected() {
        for text in ["2025-01-01T00:00:00Z", "2025-01-01T00:00:00.000+00:00", "2025-01-01 00:00:00.000Z",
                     "2025-02-29T00:00:00.000Z", "2100-02-29T00:00:00.000Z", "2025-13-01T00:00:00.000Z",
                     "2025-01-00T00:00:00.000Z", "2025-01-01T24:00:00.000Z", "2025-01-01T00:60:00.000Z",
                     "2025-01-01T00:00:60.000Z", "1969-12-31T23:59:59.999Z", "2025-01-01t00:00:00.000z",
                     "+025-01-01T00:00:00.000Z", "2025-01-01T00:00:00.0000Z", ""] {
            #expect(throws: AuditError.invalidTime) { try AuditTime(rfc3339: text) }
        }
        #expect(throws: AuditError.invalidTime) { try AuditTime(millisecondsSince1970: AuditTime.maximumMilliseconds + 1) }
        #expect(throws: AuditError.invalidTime) { try AuditTime(Date(timeIntervalSince1970: -1)) }
    }

    @Test func withSequenceRenumbersAndRevalidates() throws {
        let entry = try Fixture.entry(3)
        #expect(try entry.withSequence(40).sequence == 40)
        #expect(throws: AuditError.self) { try entry.withSequence(0) }
    }
}
