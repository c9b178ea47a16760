import Foundation
@testable import ParleyEngine
import ParleyTestSupport
import Testing

/// The doctor's unit checks: the shipped unit passes, a drop-in that weakens
/// it is caught, and systemd-analyze's score is read and held to 2.0.
@Suite struct UnitHardeningTests {
    static let shipped = StarterBot.root.appendingPathComponent("packaging/parley.service")
    static let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func dropIns(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley.service.d-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return directory
    }

    @Test func theShippedUnitHasEveryRequiredDirective() throws {
        let service = try UnitDirectives.load(unitFile: Self.shipped, dropInDirectories: [], section: "Service")
        #expect(UnitHardening.problems(service).isEmpty, "\(UnitHardening.problems(service))")
        let findings = UnitHardening(unitFile: Self.shipped, dropInDirectories: []).findings(systemdAnalyze: nil, maximumExposure: 2.0)
        #expect(findings.allSatisfy { $0.severity == .ok }, "\(findings)")
    }

    @Test func aDropInThatWeakensTheUnitIsAnErrorNamingEachDirective() throws {
        let directory = try dropIns([
            "50-debug.conf": "[Service]\nNoNewPrivileges=no\nCapabilityBoundingSet=CAP_SYS_ADMIN\nSystemCallFilter=\n",
            "60-files.conf": "[Service]\nLimitNOFILE=1024\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let findings = UnitHardening(unitFile: Self.shipped, dropInDirectories: [directory]).findings(systemdAnalyze: nil, maximumExposure: 2.0)
        let hardening = try #require(findings.first { $0.check == "unit.hardening" })
        #expect(hardening.severity == .error)
        for phrase in ["NoNewPrivileges", "CapabilityBoundingSet", "SystemCallFilter"] { #expect(hardening.summary.contains(phrase), "\(phrase)") }
        #expect(hardening.fix?.contains("50-debug.conf") == true)
        #expect(findings.first { $0.check == "unit.limits" }?.severity == .warning)
    }

    @Test func aLaterDirectoryReplacesADropInOfTheSameName() throws {
        let weak = try dropIns(["override.conf": "[Service]\nUser=root\n"])
        let restored = try dropIns(["override.conf": "[Service]\nUser=parley\n"])
        defer { for url in [weak, restored] { try? FileManager.default.removeItem(at: url) } }
        let service = try UnitDirectives.load(unitFile: Self.shipped, dropInDirectories: [weak, restored], section: "Service")
        #expect(UnitHardening.problems(service).isEmpty)
        let reversed = try UnitDirectives.load(unitFile: Self.shipped, dropInDirectories: [restored, weak], section: "Service")
        #expect(UnitHardening.problems(reversed).contains { $0.contains("root") })
    }

    @Test func aDenyListLineMarksEachOfItsEntries() {
        var directives = UnitDirectives()
        directives.read("[Service]\nSystemCallFilter=@system-service\nSystemCallFilter=~@privileged @resources\nCapabilityBoundingSet=~CAP_SYS_ADMIN\n", section: "Service")
        #expect(directives.list("SystemCallFilter") == ["@system-service", "~@privileged", "~@resources"])
        #expect(UnitHardening.problems(directives).contains { $0.contains("CapabilityBoundingSet") })
    }

    @Test func theExposureIsReadFromSystemdAnalyzeOutput() {
        #expect(UnitHardening.exposure(in: "  ✓ UMask= ...\n\n→ Overall exposure level for parley.service: 1.6 OK 🙂\n") == 1.6)
        #expect(UnitHardening.exposure(in: "→ Overall exposure level for parley.service: 1.1 OK :-)") == 1.1, "the C locale's smiley")
        #expect(UnitHardening.exposure(in: "no score here") == nil)
    }

    @Test(.enabled(if: UnitHardeningTests.analyze != nil, "systemd-analyze is not installed"))
    func systemdAnalyzeRatesTheShippedUnitAtMostTwoAndAWeakenedOneAbove() throws {
        let analyze = URL(fileURLWithPath: try #require(Self.analyze))
        let findings = UnitHardening(unitFile: Self.shipped, dropInDirectories: []).findings(systemdAnalyze: analyze, maximumExposure: 2.0)
        let exposure = try #require(findings.first { $0.check == "unit.exposure" })
        #expect(exposure.severity == .ok, "\(exposure)")
        let weak = FileManager.default.temporaryDirectory.appendingPathComponent("weak-\(UUID().uuidString).service")
        defer { try? FileManager.default.removeItem(at: weak) }
        try "[Unit]\nDescription=weak\n[Service]\nExecStart=/usr/bin/parley serve\n".write(to: weak, atomically: true, encoding: .utf8)
        let weakFindings = UnitHardening(unitFile: weak, dropInDirectories: []).findings(systemdAnalyze: analyze, maximumExposure: 2.0)
        #expect(weakFindings.first { $0.check == "unit.exposure" }?.severity == .error)
        #expect(weakFindings.first { $0.check == "unit.hardening" }?.severity == .error)
    }
}
