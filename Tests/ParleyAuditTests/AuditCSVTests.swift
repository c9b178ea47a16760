import Testing
@testable import ParleyAudit

@Suite struct AuditCSVTests {
    @Test func fieldsAreQuotedOnlyWhenNeeded() {
        #expect(AuditCSV.field("plain") == "plain")
        #expect(AuditCSV.field("a,b") == "\"a,b\"")
        #expect(AuditCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(AuditCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(AuditCSV.field("cr\r\nlf") == "\"cr\r\nlf\"")
        #expect(AuditCSV.field(" padded ") == "\" padded \"")
        #expect(AuditCSV.field("") == "")
    }

    @Test func formulaLeadersAreNeutralised() {
        #expect(AuditCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(AuditCSV.field("+1") == "'+1")
        #expect(AuditCSV.field("-1") == "'-1")
        #expect(AuditCSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(AuditCSV.field("a=b") == "a=b")
    }

    @Test func entriesRenderAsRowsWithHeaderAndCRLF() throws {
        let csv = AuditCSV.render(try Fixture.entries(2...3))
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows.count == 4 && rows[3].isEmpty)
        #expect(rows[0] == "sequence,time,actor,role,action,target_kind,target_id,outcome,details")
        #expect(rows[1] == #"2,2025-01-01T00:02:00.002Z,token:01HX2,admin,model.train,conversation,c-14,success,"{""intent"":""refund, \""partial\"""",""model.version"":""2025.01.2""}""#)
        #expect(rows[2] == #"3,2025-01-01T00:03:00.003Z,token:01HX3,operator,key.rotate,conversation,c-21,success,"{""queue"":""billing""}""#)
    }
}

/// Quoting decided on Unicode scalars: a comma, quote or space followed by a
/// combining mark is one `Character` to Swift, and went out unquoted.
@Suite struct AuditCSVCombiningMarkTests {
    @Test func marksAfterACommaQuoteOrSpaceStillQuote() {
        #expect(AuditCSV.field(",\u{301}") == "\",\u{301}\"")
        #expect(AuditCSV.field("a\"\u{301}b") == "\"a\"\"\u{301}b\"")
        #expect(AuditCSV.field(" \u{301}x") == "\" \u{301}x\"")
        #expect(AuditCSV.field("x\r\u{301}") == "\"x\r\u{301}\"")
        #expect(AuditCSV.field("\n\u{301}") == "\"\n\u{301}\"")
        #expect(AuditCSV.field("e\u{301}") == "e\u{301}")
    }

    @Test func aFormulaLeaderWithAMarkIsNeutralised() {
        #expect(AuditCSV.field("=\u{301}1") == "'=\u{301}1")
    }
}
