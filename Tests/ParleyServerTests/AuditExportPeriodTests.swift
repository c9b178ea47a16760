import Foundation
import HummingbirdTesting
import ParleyAudit
import ParleyEngine
import Testing

/// `GET /v1/audit/export` takes plain dates, and a period without entries
/// gives the signed empty bundle (200), not an error.
@Suite struct AuditExportPeriodTests {
    @Test func anEmptyPeriodGivenAsDatesIsASignedEmptyBundle() async throws {
        let test = try await TestApp.make()
        let auditor = try await test.token(.auditor)
        try await test.app.test(.router) { client in
            let response = try await client.get("/v1/audit/export?from=2001-01-01&to=2001-02-01", token: auditor)
            #expect(response.status == .ok)
            let report = AuditBundleVerifier.verify(bundleBytes: Array(Data(buffer: response.body)), verifierKey: test.engine.audit.verifierKey)
            #expect(report.isVerified && report.empty == true, "\(report.summary)")
            #expect(report.periodFrom == "2001-01-01T00:00:00.000Z" && report.periodTo == "2001-02-01T00:00:00.000Z")
            let csv = try await client.get("/v1/audit/export?from=2001-01-01&to=2001-02-01&format=csv", token: auditor)
            #expect(csv.status == .ok)
            #expect(String(buffer: csv.body) == AuditCSV.header.joined(separator: ",") + "\r\n")
        }
    }

    @Test func badOrReversedPeriodsAre400() async throws {
        let test = try await TestApp.make()
        let auditor = try await test.token(.auditor)
        try await test.app.test(.router) { client in
            for query in ["from=2001-02-01&to=2001-01-01", "from=2001-13-01&to=2002-01-01", "from=yesterday&to=2002-01-01", "to=2002-01-01"] {
                let response = try await client.get("/v1/audit/export?" + query, token: auditor)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.errorCode == "invalid_request")
            }
        }
    }
}
