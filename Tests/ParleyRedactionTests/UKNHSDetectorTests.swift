import Testing
@testable import ParleyRedaction

@Suite("UK NHS number detector")
struct UKNHSDetectorTests {
    @Test(arguments: ["943 476 5919", "9434765919", "401-023-2137", "4505577104"])
    func findsValidNHSNumbersWithContext(number: String) {
        #expect(Fixture.found("my NHS number is \(number)", .ukNHS) == [number])
    }

    @Test(arguments: ["943 476 5918", "9434765910", "401 023 2138"])
    func rejectsFailedModulus11(number: String) {
        #expect(Fixture.found("NHS number \(number)", .ukNHS).isEmpty)
    }

    @Test func needsContextForTenDigits() {
        #expect(Fixture.found("code 9434765919 attached", .ukNHS).isEmpty)
    }

    @Test func findsNHSNumberAtEdgesAndInPunctuation() {
        #expect(Fixture.found("NHS: (943 476 5919)", .ukNHS) == ["943 476 5919"])
        #expect(Fixture.found("9434765919 is my NHS number", .ukNHS) == ["9434765919"])
        #expect(Fixture.found("patient \"943 476 5919\".", .ukNHS) == ["943 476 5919"])
    }

    @Test func contextInThePreviousSentenceStillCounts() {
        #expect(Fixture.found("What's my NHS number? It's 943 476 5919.", .ukNHS) == ["943 476 5919"])
    }

    @Test func negativeWordsInThePreviousSentenceDoNotVeto() {
        #expect(Fixture.found("I'll check the order. My card 4111 1111 1111 1111 was charged", .creditCard).count == 1)
    }

    @Test func groupedNHSNumberWithoutContextLosesToAPlausibleUSPhone() {
        #expect(Fixture.types("the letter quotes 943-476-5919") == [.phone])
    }

    @Test func checksumKnowsTheRules() {
        #expect(NHSChecksum.isValid([9, 4, 3, 4, 7, 6, 5, 9, 1, 9]))
        #expect(!NHSChecksum.isValid([9, 4, 3, 4, 7, 6, 5, 9, 1, 8]))
    }

    @Test(arguments: [
        "the referral letter quotes 943 476 5919",
        "for the ward records: 9434765919",
        "The discharge letter lists 943-476-5919 for me",
        "the pharmacist asked for 943 476 5919",
        "my prescription is under 9434765919",
    ])
    func medicalWordsAreNHSContext(text: String) {
        #expect(Fixture.types(text) == [.ukNHS])
    }

    @Test func checksumAndMedicalContextBeatACloserPhoneWord() {
        #expect(Fixture.types("the hospital called about 943-476-5919") == [.ukNHS])
        // Failing the check, the same shape stays a phone number.
        #expect(Fixture.types("the hospital called about 943-476-5918") == [.phone])
    }

    @Test func aPhoneWordInAnEarlierClauseDoesNotClaimTheNumber() {
        let text = "0161 496 0800 - that's the landline; the referral letter quotes 943 476 5919"
        #expect(Fixture.types(text) == [.phone, .ukNHS])
    }

    @Test func aNumberSignAfterNHSIsNotAnOrderReference() {
        #expect(Fixture.found("my NHS #9434765919", .ukNHS) == ["9434765919"])
    }

    @Test func spacedNHSFormatWinsWithoutContextButAPhoneWordStillDecides() {
        #expect(Fixture.types("the letter quotes 943 476 5919") == [.ukNHS])
        #expect(Fixture.types("call me on 943 476 5919") == [.phone])
        // Failing the check, the spaced digits are only a phone number.
        #expect(Fixture.types("call me on 943 476 5918") == [.phone])
    }
}
