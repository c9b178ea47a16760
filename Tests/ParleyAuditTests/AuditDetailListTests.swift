import Testing
@testable import ParleyAudit

/// List-valued details continue in `name.2`, `name.3`, … (parley-audit-format(5)).
@Suite struct AuditDetailListTests {
    @Test func aShortListIsOneDetailAndAnEmptyListIsEmpty() throws {
        #expect(try AuditDetailList.details("models", ["2026.01.3", "2026.02.1"]) == ["models": "2026.01.3,2026.02.1"])
        #expect(try AuditDetailList.details("held.hold_ids", []) == ["held.hold_ids": ""])
        #expect(AuditDetailList.items("held.hold_ids", in: ["held.hold_ids": ""]) == [])
        #expect(AuditDetailList.items("models", in: [:]) == nil)
    }

    @Test func aLongListIsSplitAtCommasIntoFullPartsInOrder() throws {
        let items = (0..<400).map { Fixture.hexID("sub_", $0, digits: 24) }
        let details = try AuditDetailList.details("subjects", items)
        // 400 items, 35 a part: 12 parts, whose keys sort "subjects.10" before "subjects.2".
        #expect(Set(details.keys) == Set(["subjects"] + (2...12).map { "subjects.\($0)" }))
        #expect(details.values.allSatisfy { $0.utf8.count <= 1024 && !$0.hasPrefix(",") && !$0.hasSuffix(",") })
        // 35 items of 28 bytes and 34 commas fill 1014 bytes; a 36th would not fit.
        #expect(details["subjects"]?.split(separator: ",").count == 35)
        #expect(AuditDetailList.items("subjects", in: details) == items)
        let entry = try AuditEntry(sequence: 1, time: AuditTime(millisecondsSince1970: 0), actor: .system, role: .system,
                                   action: "erasure.complete", outcome: .success, details: details)
        #expect(AuditDetailList.items("subjects", in: entry.details) == items)
    }

    @Test func aReaderStopsAtTheFirstMissingPart() {
        let details = ["ids": "a,b", "ids.2": "c", "ids.4": "e"]
        #expect(AuditDetailList.items("ids", in: details) == ["a", "b", "c"])
    }

    @Test func itemsThatCannotBeListedAreRefused() {
        for items in [[""], ["a,b"], [String(repeating: "x", count: 1025)]] {
            #expect(throws: AuditError.self) { try AuditDetailList.details("ids", items) }
        }
        #expect(throws: AuditError.self) { try AuditDetailList.details("bad key", ["a"]) }
    }
}
