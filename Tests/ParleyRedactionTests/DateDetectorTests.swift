import Testing
@testable import ParleyRedaction

@Suite("Date detector")
struct DateDetectorTests {
    @Test(arguments: [
        "12/05/2024", "2024-05-12", "12.05.24", "5/12/24", "12-05-2024", "1990/05/12",
        "12 May 2024", "12th of May, 2024", "May 12th, 2024", "May 12", "3 March", "March 2024", "Sept. 3",
        "12. März 1990", "12 de mayo de 1990", "3 mars 2024", "21 settembre 2023", "5 de maio de 2022",
        "1 januari 2024", "12-May-2024",
    ])
    func findsDatesInTheFormatsPeopleWrite(date: String) {
        #expect(Fixture.found("it happened on \(date) I think", .date) == [date])
    }

    @Test(arguments: [
        ("the visit was 2024-03-05T14:30:00Z ok", "2024-03-05T14:30:00Z"),
        ("booked for 12/05/2024 10:30 am, fine", "12/05/2024 10:30 am"),
        ("at 2024-03-05 09:15 UTC it failed", "2024-03-05 09:15 UTC"),
        ("on 3 March at 14:00 we spoke", "3 March at 14:00"),
        ("sent 2024-03-05T09:00+02:00.", "2024-03-05T09:00+02:00"),
    ])
    func aTimeAfterADateIsPartOfTheSpan(text: String, date: String) {
        #expect(Fixture.found(text, .date) == [date])
    }

    @Test(arguments: [
        "in 1990 I moved", "version 1.2.3 is out", "the IP 10.11.12.13 works", "score 3/4 and 1/2",
        "at 14:30 today", "it may 12 people", "page 12 of 31", "I set 5 alarms", "it cost $12.05",
        "ratio 12/05/2024/7", "order #2024-05-12", "a fee of 12.05.2024.5",
    ])
    func leavesYearsVersionsTimesAndFractionsAlone(text: String) {
        #expect(Fixture.found(text, .date).isEmpty)
    }

    @Test func birthDatesStayTheFinerType() {
        #expect(Fixture.types("my date of birth is 12/05/1990") == [.dateOfBirth])
    }
}
