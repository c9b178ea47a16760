import Testing
@testable import ParleyRedaction

@Suite("UK National Insurance number detector")
struct UKNINODetectorTests {
    @Test(arguments: ["AB123456C", "AB 12 34 56 C", "JG103759A", "ZX 99 00 11 D"])
    func findsValidNINOs(nino: String) {
        #expect(Fixture.found("my NI number is \(nino) thanks", .ukNINO) == [nino])
    }

    @Test(arguments: [
        "QQ123456C",  // Q not allowed first
        "DA123456A",  // D not allowed first
        "AO123456A",  // O not allowed second
        "GB123456A", "NK123456A", "TN123456A", "ZZ123456A",  // excluded pairs
        "AB123456E",  // suffix must be A–D
        "AB12345C",  // five digits
    ])
    func rejectsInvalidPrefixesAndSuffixes(nino: String) {
        #expect(Fixture.found("NI \(nino)", .ukNINO).isEmpty)
    }

    @Test func findsNINOAtEdgesAndInPunctuation() {
        #expect(Fixture.found("AB123456C", .ukNINO) == ["AB123456C"])
        #expect(Fixture.found("NINO: (AB123456C).", .ukNINO) == ["AB123456C"])
        #expect(Fixture.found("'AB 12 34 56 C'", .ukNINO) == ["AB 12 34 56 C"])
    }
}
