import Foundation
@testable import ParleyCLI
import Testing

/// Dates typed at the command line (hold periods, review dates) are read
/// strictly: a day that does not exist is refused, never rolled over.
@Suite struct CommandDateTests {
    @Test(arguments: ["2026-02-30", "2026-02-30T00:00:00Z", "2026-04-31", "2026-1-1", "2026-12-31T23:59:60Z", "1969-12-31", "tomorrow"])
    func impossibleOrMalformedDatesAreRefused(_ text: String) {
        #expect(CommandDate.parse(text) == nil)
    }

    @Test func plainDatesAndRFC3339TimesAreRead() throws {
        #expect(try #require(CommandDate.parse("2028-02-29")).timeIntervalSince1970 == 1_835_395_200)
        #expect(try #require(CommandDate.parse("2026-11-01T09:30:00Z")).timeIntervalSince1970 == 1_793_525_400)
        #expect(try #require(CommandDate.parse("2026-11-01T10:30:00.250+01:00")).timeIntervalSince1970 == 1_793_525_400.25)
    }
}
