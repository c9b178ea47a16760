import Testing
@testable import ParleyRedaction

@Suite("Date of birth detector")
struct DateOfBirthDetectorTests {
    @Test(arguments: [
        ("I was born on 12 May 1990", "12 May 1990"),
        ("my date of birth is 03/04/1985", "03/04/1985"),
        ("DOB: 1985-04-03", "1985-04-03"),
        ("D.O.B. 3rd of March 1985", "3rd of March 1985"),
        ("my birthday is May 12th, 1990", "May 12th, 1990"),
        ("birth date - 12.05.1990", "12.05.1990"),
        ("born 1 Jan 1970 in Leeds", "1 Jan 1970"),
        ("12/05/1990 is my date of birth", "12/05/1990"),
        ("Date of birth:\n14/03/1961", "14/03/1961"),      // a form: label, then value on the next line
        ("DOB\r\n1961-03-14", "1961-03-14"),
    ])
    func findsBirthDatesAfterOrBeforeACue(text: String, date: String) {
        #expect(Fixture.found(text, .dateOfBirth) == [date])
    }

    @Test(arguments: [
        "delivery date is 12/05/2024",
        "my appointment is on 3 March 2025",
        "the statement dated 2024-01-15 is missing",
        "I was born in Leeds, the parcel came on 12/05/2024",
        "born on 31/13/1990",  // no month 13
        "date of birth 2024",  // a year alone
    ])
    func ignoresOrdinaryAndInvalidDates(text: String) {
        #expect(Fixture.found(text, .dateOfBirth).isEmpty)
    }

    @Test func findsDateInPunctuationAtTheEnd() {
        #expect(Fixture.found("DOB (12/05/1990).", .dateOfBirth) == ["12/05/1990"])
        #expect(Fixture.found("date of birth: \"May 12, 1990\"", .dateOfBirth) == ["May 12, 1990"])
    }

    @Test(arguments: [
        ("my date of birth on the account is 12/05/1990", "12/05/1990"),
        ("born in Leeds on 12 May 1990", "12 May 1990"),
        ("DOB – 3 March 1985", "3 March 1985"),
        ("Date of birth (dd/mm/yyyy): 12/05/1990", "12/05/1990"),
        ("My birthday's 12 May 1990", "12 May 1990"),
        ("Birth: 12.05.1990", "12.05.1990"),
        ("née le 12/05/1990", "12/05/1990"),
        ("date of birth listed as 1985-04-03", "1985-04-03"),
    ])
    func findsBirthDatesAFewWordsAfterAnUnambiguousCue(text: String, date: String) {
        #expect(Fixture.found(text, .dateOfBirth) == [date])
    }

    @Test(arguments: [
        "my birthday party is on 12 May 2025",
        "order it by 12/05/2024 for my birthday",
        "I was born in 1990 and my appointment is 12/05/2025",
        "born in Leeds but the parcel came on 12/05/2024",
        "the date of birth you have is wrong, the statement is dated 12/05/2024",
    ])
    func otherDatesNearABirthCueAreLeftAlone(text: String) {
        #expect(Fixture.found(text, .dateOfBirth).isEmpty)
    }

    @Test func onlyTheDateInTheCuesClauseIsTaken() {
        #expect(Fixture.found("born 12/05/1990 but the card expires 12/05/2026", .dateOfBirth) == ["12/05/1990"])
    }
}
