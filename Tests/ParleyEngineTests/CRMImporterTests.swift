import Foundation
import ParleyCrypto
import ParleyEngine
import ParleyStore
import Testing

@Suite struct CRMImporterTests {
    private func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crm-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func relativeDatesAreResolvedAtImport() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        let now = Date(timeIntervalSince1970: 1_773_136_800)
        let orders = try file("number,status,expected_ship_date,total\n#777,processing,today+2,19.99\n")
        let counts = try await CRMImporter(now: now).importFiles(.init(orders: orders), into: store)
        #expect(counts.orders == 1)
        let order = try #require(try await store.crmOrder(number: "777"))
        #expect(order.totalMinorUnits == 1999)
        #expect(CalendarDay.daysFromToday(try #require(order.expectedShipDate), now: now) == 2)
    }

    @Test func badRowNamesFileAndLineAndImportsNothing() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        let customers = try file("id,name\nC-1,Ann\n")
        let orders = try file("number,status\n1,processing\n2,lost\n")
        await #expect(throws: EngineError.configuration(file: orders.path, line: 3, key: nil,
                                                        reason: "status must be one of cancelled, delivered, processing, returned, shipped")) {
            try await CRMImporter().importFiles(.init(customers: customers, orders: orders), into: store)
        }
        #expect(try await store.crmCounts() == ImportCounts())
    }

    @Test func datesArePhrasedForCustomers() {
        let now = Date(timeIntervalSince1970: 1_773_136_800)  // Tuesday 10 March 2026
        let day: TimeInterval = 86_400
        #expect(CalendarDay.phrase(now, now: now) == "today")
        #expect(CalendarDay.phrase(now + day, now: now) == "tomorrow")
        #expect(CalendarDay.phrase(now + 3 * day, now: now) == "Friday, 13 March")
        #expect(CalendarDay.phrase(now + 30 * day, now: now) == "9 April 2026")
    }
}
