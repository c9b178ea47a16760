import Foundation
import Testing
@testable import ParleyNLU

@Suite("Entity extraction")
struct EntityExtractionTests {
    static let reference = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15 UTC

    func extract(_ text: String, _ rules: EntityRules) throws -> [Entity] {
        try EntityExtractor(rules: rules).extract(from: text, referenceDate: Self.reference)
    }

    @Test func regexUsesItsFirstCaptureGroupAsTheValue() throws {
        let rules = EntityRules(regexes: [.init(entity: "order_id", pattern: #"#(\d{5})"#)], builtins: [])
        let entities = try extract("where is order #12345 please", rules)
        #expect(entities == [Entity(entity: "order_id", value: "12345", start: 15, end: 21, extractor: "regex")])
    }

    @Test func regexWithoutGroupUsesTheWholeMatch() throws {
        let rules = EntityRules(regexes: [.init(entity: "iban", pattern: #"GB\d{2}[A-Z]{4}\d{6}"#)], builtins: [])
        #expect(try extract("send to GB29NWBK601613 now", rules).first?.value == "GB29NWBK601613")
    }

    @Test func lookupPrefersTheLongestPhrase() throws {
        let rules = EntityRules(lookups: ["product": ["card", "credit card", "virtual credit card"]], builtins: [])
        let entities = try extract("my Virtual Credit Card and my card", rules)
        #expect(entities.map(\.value) == ["Virtual Credit Card", "card"])
        #expect(entities[0].start == 3 && entities[0].end == 22)
        #expect(entities.allSatisfy { $0.extractor == "lookup" })
    }

    @Test func synonymsMapValuesToTheirCanonicalForm() throws {
        let rules = EntityRules(
            lookups: ["product": ["credit card", "cc"]], synonyms: ["credit_card": ["credit card", "CC"]], builtins: []
        )
        #expect(try extract("my cc and my Credit Card", rules).map(\.value) == ["credit_card", "credit_card"])
    }

    @Test func extractsAmountsWithSymbolsCodesAndThousandsSeparators() throws {
        let entities = try extract("pay $1,250.50 or 30 euros or £7 or 12,5 EUR", EntityRules(builtins: ["amount"]))
        #expect(entities.map(\.value) == ["1250.50 USD", "30 EUR", "7 GBP", "12.5 EUR"])
    }

    @Test func commasGroupingThreesAreThousandsSeparatorsOtherwiseADecimalPoint() throws {
        let entities = try extract("pay $1,000 or 2,500 euros or 12,50 EUR", EntityRules(builtins: ["amount"]))
        #expect(entities.map(\.value) == ["1000 USD", "2500 EUR", "12.50 EUR"])
    }

    @Test func noAmountStartsInsideALongerNumber() throws {
        // Formerly "234 usd" was found inside "1.234 usd" (and each position of a
        // digit run was tried, which made a long run quadratic).
        #expect(try extract("ref 1.234 usd", EntityRules(builtins: ["amount"])).isEmpty)
        #expect(try extract("12345 usd", EntityRules(builtins: ["amount"])).map(\.value) == ["12345 USD"])
    }

    @Test func anEmailAfterPunctuationStartsAtItsFirstLetter() throws {
        let entities = try extract("(.jane@example.com)", EntityRules(builtins: ["email"]))
        #expect(entities.map(\.value) == ["jane@example.com"])
        #expect(entities.first?.start == 2)
    }

    @Test func extractsIsoWrittenAndRelativeDates() throws {
        let entities = try extract("on 2024-02-29, 3rd March 2025, Jan 5 or tomorrow", EntityRules(builtins: ["date"]))
        #expect(entities.map(\.value) == ["2024-02-29", "2025-03-03", "2025-01-05", "2025-06-16"])
        #expect(try extract("2023-02-30 is not a day", EntityRules(builtins: ["date"])).isEmpty)
    }

    @Test func extractsEmailsLowercased() throws {
        let entities = try extract("write to Jane.Doe+bank@Example.co.uk today", EntityRules(builtins: ["email"]))
        #expect(entities.map(\.value) == ["jane.doe+bank@example.co.uk"])
        #expect(entities[0].start == 9)
    }

    @Test func offsetsAreUnicodeScalarsEvenAfterEmoji() throws {
        // 👍🏽 is two scalars and four UTF-16 units; 🇬🇧 is two scalars.
        let text = "👍🏽🇬🇧 order #12345 for €20"
        let rules = EntityRules(regexes: [.init(entity: "order_id", pattern: #"#(\d+)"#)], builtins: ["amount"])
        let entities = try extract(text, rules)
        let scalars = Array(text.unicodeScalars)
        #expect(entities.map(\.entity) == ["order_id", "amount"])
        #expect(entities[0].start == 11 && entities[0].end == 17)
        for entity in entities {
            let surface = String(String.UnicodeScalarView(scalars[entity.start..<entity.end]))
            #expect(surface == (entity.entity == "order_id" ? "#12345" : "€20"))
        }
    }

    @Test func earlierExtractorsWinOverlaps() throws {
        let rules = EntityRules(regexes: [.init(entity: "reference", pattern: #"REF-\d+"#)], builtins: ["amount"])
        let entities = try extract("REF-100 dollars", rules)
        #expect(entities.map(\.entity) == ["reference"])
    }

    @Test func invalidPatternsAndUnknownBuiltinsAreErrors() {
        #expect(throws: NLUError.invalidPattern(entity: "x", reason: "it does not compile")) {
            try EntityExtractor(rules: EntityRules(regexes: [.init(entity: "x", pattern: "([")]))
        }
        #expect(throws: NLUError.self) { try EntityExtractor(rules: EntityRules(builtins: ["weather"])) }
    }

    @Test func parserReturnsIntentAndEntitiesTogether() throws {
        let model = try TestData.model()
        let result = try NLUParser(model: model).parse("I lost my card, it had $50 on it", referenceDate: Self.reference)
        #expect(result.intent.name == "lost_card")
        #expect(result.entities.map(\.value) == ["50 USD"])
    }
}
