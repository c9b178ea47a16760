import Testing
@testable import ParleyNLU

@Suite("Intent CSV")
struct IntentCSVTests {
    @Test func readsQuotedFieldsWithCommasQuotesAndNewlines() throws {
        let csv = "text,category\r\n\"Hello, \"\"bank\"\"\nsecond line\",greet\r\nplain text,card_arrival\n"
        let examples = try IntentCSV.parse(csv)
        #expect(examples == [
            LabeledUtterance(text: "Hello, \"bank\"\nsecond line", intent: "greet"),
            LabeledUtterance(text: "plain text", intent: "card_arrival"),
        ])
    }

    @Test func acceptsLabelOrIntentColumnsInAnyOrderWithABOM() throws {
        let examples = try IntentCSV.parse("\u{FEFF}Label,Text\nlost_card,I lost it\n\nlost_card,\"gone\"")
        #expect(examples.map(\.text) == ["I lost it", "gone"])
        #expect(try IntentCSV.parse("intent,text\na,b").first?.intent == "a")
    }

    @Test func keepsAStrayQuoteInsideAnUnquotedField() throws {
        #expect(try IntentCSV.parse("text,label\nmy 5\" card,x").first?.text == "my 5\" card")
    }

    @Test func reportsTheLineOfAMalformedRecord() {
        #expect(throws: NLUError.invalidTrainingData(location: "f.csv:3", reason: "expected 2 fields, found 3")) {
            try IntentCSV.parse("text,label\na,b\nc,d,e\n", source: "f.csv")
        }
        #expect(throws: NLUError.invalidTrainingData(location: "f.csv:2", reason: "a quoted field is not closed")) {
            try IntentCSV.parse("text,label\n\"open,b\n", source: "f.csv")
        }
        #expect(throws: NLUError.invalidTrainingData(location: "f.csv:2", reason: "text after a closing quote")) {
            try IntentCSV.parse("text,label\n\"a\"b,c\n", source: "f.csv")
        }
    }

    @Test func countsLinesInsideQuotedFieldsForLaterErrors() {
        #expect(throws: NLUError.invalidTrainingData(location: "f.csv:4", reason: "the label is empty")) {
            try IntentCSV.parse("text,label\n\"two\nlines\",a\nx,\n", source: "f.csv")
        }
    }

    @Test func labelsATextOnlyFileWithTheDefaultLabel() throws {
        let examples = try IntentCSV.parse("text\nwhat is the weather\n\"sing, please\"\n", defaultLabel: "out_of_scope")
        #expect(examples.map(\.intent) == ["out_of_scope", "out_of_scope"])
        #expect(examples.map(\.text) == ["what is the weather", "sing, please"])
        #expect(throws: NLUError.self) { try IntentCSV.parse("text\nhello\n") }
    }

    @Test func rejectsMissingColumns() {
        #expect(throws: NLUError.self) { try IntentCSV.parse("utterance,label\na,b") }
        #expect(throws: NLUError.self) { try IntentCSV.parse("text,tag\na,b") }
        #expect(throws: NLUError.self) { try IntentCSV.parse("") }
    }

    @Test func formatRecordRoundTripsThroughTheParser() throws {
        let fields = ["a,b", "say \"hi\"", "line\r\nbreak", "plain", ""]
        let text = IntentCSV.formatRecord(fields)
        #expect(try IntentCSV.records(text).first?.fields == fields)
    }
}

/// Quoting decided on Unicode scalars, as the reader reads: a quote or comma
/// followed by a combining mark is one `Character` to Swift.
@Suite struct IntentCSVCombiningMarkTests {
    @Test(arguments: ["\"\u{301}", ",\u{301}x", "x\u{301}\"", "\u{301}", "\u{301},", "a\r\u{301}", "\"\u{301}\"\u{302}"])
    func aFieldWithMarksAfterAQuoteOrCommaRoundTrips(field: String) throws {
        let fields = [field, "plain", field]
        let text = IntentCSV.formatRecord(fields)
        let records = try IntentCSV.records(text)
        #expect(records.count == 1)
        #expect(records.first?.fields == fields)
    }
}
