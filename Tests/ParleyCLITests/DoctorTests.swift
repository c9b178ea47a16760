import ArgumentParser
import Foundation
import GRDB
@testable import ParleyCLI
@testable import ParleyEngine
@testable import ParleyStore
import ParleyTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `parley doctor` passes a healthy installation and, for each way an
/// installation breaks, reports an error with the fix, creating nothing.
@Suite struct DoctorTests {
    static let quiet = LogRecorder().logger

    /// An installation as the service leaves it: key, database with a
    /// customer's conversation, audit log and the starter model.
    struct Installation {
        let root: URL
        let configuration: ParleyConfiguration
        var data: URL { configuration.paths.dataDirectory }
        var keys: URL { configuration.paths.keysDirectory }

        func doctor(clock: @escaping @Sendable () -> Date = { Date() }) async -> [DoctorFinding] {
            await InstallationDoctor(configuration: configuration, logger: DoctorTests.quiet, clock: clock).run()
        }
    }

    static func installation() async throws -> Installation {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-\(UUID().uuidString)")
        let configuration = StarterBot.configuration(installedUnder: root)
        let bootstrap = EngineBootstrap(configuration: configuration, logger: quiet)
        try bootstrap.prepareDataDirectory()
        let store = try bootstrap.openStore(keys: bootstrap.keys(createIfFresh: true))
        try await bootstrap.models(store: store).save(StarterBot.model, activate: true)
        try store.close()
        let engine = try await bootstrap.engine(trainIfMissing: false)
        let reply = try await engine.handle(IncomingMessage(conversationID: "doctor-1", text: "What is the status of order #12345?", customerID: "C-1001"))
        #expect(!reply.replies.isEmpty)
        // Closed (its WAL folded in) before a test reads the files: an engine
        // left to its deinit closes whenever its last reference goes, which
        // changed the database's bytes under a test that compares them.
        try engine.store.close()
        return Installation(root: root, configuration: configuration)
    }

    static func errors(_ findings: [DoctorFinding]) -> [DoctorFinding] { findings.filter { $0.severity == .error } }

    static func finding(_ check: String, in findings: [DoctorFinding]) throws -> DoctorFinding {
        try #require(findings.first { $0.check == check }, "no finding \(check) in \(findings.map(\.check))")
    }

    @Test func aHealthyInstallationHasNoErrorAndEveryCheckRan() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let findings = await installation.doctor()
        #expect(Self.errors(findings).isEmpty, "\(Self.errors(findings))")
        for check in ["data.directory", "keys.directory", "keys.master", "clock.sanity", "disk.space", "data.database", "data.keyring", "audit.log", "clock.audit", "model.active", "bot", "policies"] {
            #expect(try Self.finding(check, in: findings).severity == .ok, "\(check)")
        }
        #expect(try Self.finding("audit.log", in: findings).summary.contains("verifies"))
    }

    @Test func aFreshDirectoryIsReportedAsNotInitialisedAndNothingIsCreated() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-fresh-\(UUID().uuidString)")
        let configuration = StarterBot.configuration(installedUnder: root)
        let findings = await InstallationDoctor(configuration: configuration, logger: Self.quiet).run()
        #expect(try Self.finding("data.directory", in: findings).severity == .warning)
        let key = try Self.finding("keys.master", in: findings)
        #expect(key.severity == .error)
        #expect(key.fix?.contains("keys init") == true)
        #expect(!FileManager.default.fileExists(atPath: root.path))
    }

    @Test func openModesAreErrorsWhoseFixIsTheChmod() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        #expect(chmod(installation.data.path, 0o755) == 0)
        #expect(chmod(installation.keys.appendingPathComponent("master.key").path, 0o644) == 0)
        let findings = await installation.doctor()
        #expect(try Self.finding("data.directory", in: findings).fix == "chmod 700 \(installation.data.path)")
        let key = try Self.finding("keys.master", in: findings)
        #expect(key.severity == .error)
        #expect(key.fix == "chmod 600 \(installation.keys.appendingPathComponent("master.key").path)")
    }

    @Test(.enabled(if: geteuid() == 0, "chown needs root"))
    func aFileOfAnotherUserInTheDataDirectoryIsAnErrorWhoseFixIsTheChown() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let model = try #require(FileManager.default.contentsOfDirectory(atPath: installation.data.appendingPathComponent("models").path).first)
        #expect(chown(installation.data.appendingPathComponent("models/\(model)").path, 4242, 4242) == 0)
        let ownership = try Self.finding("data.ownership", in: await installation.doctor())
        #expect(ownership.severity == .error)
        #expect(ownership.summary.contains("uid 4242") || ownership.summary.contains("4242"))
        #expect(ownership.fix?.hasPrefix("sudo chown -R ") == true)
    }

    @Test func anEditedAuditEntryFailsTheDoctor() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let bootstrap = EngineBootstrap(configuration: installation.configuration, logger: Self.quiet)
        let store = try bootstrap.openStore(keys: bootstrap.keys(createIfFresh: false))
        try await store.write { db in
            try db.execute(sql: "UPDATE audit_entry SET entry = replace(entry, 'crm.import', 'crm.imported') WHERE seq = (SELECT min(seq) FROM audit_entry WHERE entry LIKE '%crm.import%')")
            #expect(db.changesCount == 1)
        }
        try store.close()
        let audit = try Self.finding("audit.log", in: await installation.doctor())
        #expect(audit.severity == .error)
        #expect(audit.summary.contains("was changed"))
    }

    @Test func aMissingKeyringWithCustomersIsAnErrorNamingRestoreAndReset() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(at: installation.data.appendingPathComponent("keyring.db" + suffix))
        }
        let findings = await installation.doctor()
        let keyring = try Self.finding("data.keyring", in: findings)
        #expect(keyring.severity == .error)
        #expect(keyring.fix?.contains("restore") == true)
        #expect(keyring.fix?.contains("reset-keyring --confirm-text-lost") == true)
        #expect(!FileManager.default.fileExists(atPath: installation.data.appendingPathComponent("keyring.db").path), "doctor created a keyring")
    }

    @Test func aClockBehindTheAuditLogOrBeforeTheBuildIsAnError() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let behind = try Self.finding("clock.audit", in: await installation.doctor(clock: { Date().addingTimeInterval(-3600) }))
        #expect(behind.severity == .error)
        #expect(behind.fix?.contains("clock") == true)
        let ancient = try Self.finding("clock.sanity", in: await installation.doctor(clock: { Date(timeIntervalSince1970: 86_400) }))
        #expect(ancient.severity == .error)
    }

    @Test func aWrongMasterKeyIsAnErrorAndTheDatabaseIsLeftAlone() async throws {
        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let database = installation.data.appendingPathComponent("parley.db")
        let before = try Data(contentsOf: database)
        for file in ["master.key", "master.json"] { try FileManager.default.removeItem(at: installation.keys.appendingPathComponent(file)) }
        try KeyDirectory(url: installation.keys).initialize()
        let findings = await installation.doctor()
        #expect(try Self.finding("data.database", in: findings).severity == .error)
        #expect(try Data(contentsOf: database) == before)
    }

    @Test func aBrokenPolicyNamesItsFileAndLine() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-policy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = StarterBot.configuration(installedUnder: root)
        let policies = root.appendingPathComponent("policies")
        try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
        try "version: 1\nrules:\n  - name: [unclosed\n".write(to: policies.appendingPathComponent("escalation.yml"), atomically: true, encoding: .utf8)
        configuration.paths.policiesDirectory = policies
        let finding = try Self.finding("policies", in: await InstallationDoctor(configuration: configuration, logger: Self.quiet).run())
        #expect(finding.severity == .error)
        #expect(finding.summary.contains("escalation.yml"))
    }

    @Test func theCommandExitsNonZeroOnAFreshDirectoryAndZeroWhenHealthy() async throws {
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-cli-\(UUID().uuidString)")
        let failing = try #require(try Parley.parseAsRoot(["doctor", "--json", "--data-dir", fresh.appendingPathComponent("data").path, "--keys-dir", fresh.appendingPathComponent("keys").path]) as? Doctor)
        await #expect(throws: ExitCode.failure) { try await failing.run() }
        #expect(!FileManager.default.fileExists(atPath: fresh.path))

        let installation = try await Self.installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        let passing = try #require(try Parley.parseAsRoot(["doctor", "--data-dir", installation.data.path, "--keys-dir", installation.keys.path]) as? Doctor)
        try await passing.run()
    }

    @Test func theTextReportPrintsEachFixUnderItsFindingAndCounts() {
        let text = Doctor.text([.ok("a", "fine"), .error("b", "broken", fix: "mend it"), .warning("c", "odd", fix: "look")])
        #expect(text.contains("error   b: broken\n        fix: mend it"))
        #expect(text.hasSuffix("1 error(s), 1 warning(s), 1 ok"))
    }
}
