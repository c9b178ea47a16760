import Testing
@testable import ParleyAudit

/// Period bounds as officers type them: a plain date is midnight UTC; RFC 3339 times with any offset.
@Suite struct AuditTimeInputTests {
    @Test func aPlainDateIsMidnightUTC() throws {
        #expect(try AuditTime(periodBound: "2026-11-01").rfc3339 == "2026-11-01T00:00:00.000Z")
        #expect(try AuditTime(periodBound: "1970-01-01").millisecondsSince1970 == 0)
        #expect(try AuditTime(periodBound: "2024-02-29").rfc3339 == "2024-02-29T00:00:00.000Z")
        #expect(try AuditTime(periodBound: "9999-12-31").rfc3339 == "9999-12-31T00:00:00.000Z")
    }

    @Test func rfc3339TimesAreTakenToTheMillisecondInUTC() throws {
        let cases: [(String, String)] = [
            ("2026-11-01T00:00:00Z", "2026-11-01T00:00:00.000Z"),
            ("2026-11-01T09:30:15.25Z", "2026-11-01T09:30:15.250Z"),
            ("2026-11-01T09:30:15.123456789Z", "2026-11-01T09:30:15.123Z"),
            ("2026-11-01t09:30:15z", "2026-11-01T09:30:15.000Z"),
            ("2026-11-01T01:00:00+01:00", "2026-11-01T00:00:00.000Z"),
            ("2026-10-31T19:30:00-04:30", "2026-11-01T00:00:00.000Z"),
            ("2026-11-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z"),
            ("2026-12-31T23:59:59.999+00:00", "2026-12-31T23:59:59.999Z"),
        ]
        for (input, expected) in cases {
            #expect(try AuditTime(periodBound: input).rfc3339 == expected, "\(input)")
        }
    }

    @Test func malformedOrOutOfRangeBoundsAreRefused() {
        for input in ["", "2026-11", "2026-11-1", "2026-13-01", "2026-02-29", "2026-11-01T", "2026-11-01T00:00Z",
                      "2026-11-01T00:00:00", "2026-11-01T24:00:00Z", "2026-11-01T00:00:60Z", "2026-11-01T00:00:00.Z",
                      "2026-11-01T00:00:00+0100", "2026-11-01T00:00:00+24:00", "2026-11-01 00:00:00Z", " 2026-11-01",
                      "2026-11-01 ", "1969-12-31", "1970-01-01T00:30:00+01:00", "9999-12-31T23:59:59-01:00", "+2026-11-01",
                      "２０２６-11-01", "2026-11-01T00:00:00Zjunk"] {
            #expect(throws: AuditError.invalidTime, "\(input)") { try AuditTime(periodBound: input) }
        }
    }
}
