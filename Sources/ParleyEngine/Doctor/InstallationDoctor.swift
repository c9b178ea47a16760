import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// `parley doctor`: checks an installation as the service would find it and
/// says, for each thing wrong, what fixes it. It creates nothing: no data
/// directory, no key, no database (a fresh installation is reported as such).
///
/// The checks, in order: who runs it, the data and keys directories (owner,
/// modes, files of other users), the master key, the clock, disk space, an
/// interrupted key rotation, the database (opens under the key, every page
/// authenticates, `integrity_check`), the keyring, the audit log (the whole
/// Merkle log recomputed), the clock against the newest audit entry, the
/// active model, the bot and policies, and the systemd unit's hardening.
public struct InstallationDoctor: Sendable {
    public struct Options: Sendable {
        /// The unit file to check; nil skips the unit checks.
        public var unitFile: URL?
        /// Drop-in directories whose `*.conf` files amend the unit, in systemd's order.
        public var dropInDirectories: [URL]
        /// `systemd-analyze`, for the unit's exposure score; nil skips the score.
        public var systemdAnalyze: URL?
        /// The highest `systemd-analyze security` exposure accepted.
        public var maximumExposure = 2.0

        public init(unitFile: URL? = nil, dropInDirectories: [URL] = [], systemdAnalyze: URL? = nil) {
            self.unitFile = unitFile
            self.dropInDirectories = dropInDirectories
            self.systemdAnalyze = systemdAnalyze
        }

        /// The packaged unit and systemd's drop-in directories, when the unit is installed.
        public static func installedService(fileManager: FileManager = .default) -> Options {
            let unit = ["/etc/systemd/system/parley.service", "/lib/systemd/system/parley.service", "/usr/lib/systemd/system/parley.service"]
                .first { fileManager.fileExists(atPath: $0) }
            let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { fileManager.isExecutableFile(atPath: $0) }
            return Options(
                unitFile: unit.map { URL(fileURLWithPath: $0) },
                dropInDirectories: ["/lib/systemd/system", "/usr/lib/systemd/system", "/run/systemd/system", "/etc/systemd/system"]
                    .map { URL(fileURLWithPath: $0).appendingPathComponent("parley.service.d") },
                systemdAnalyze: analyze.map { URL(fileURLWithPath: $0) }
            )
        }
    }

    public let configuration: ParleyConfiguration
    public let logger: Logger
    public var options: Options
    let clock: @Sendable () -> Date

    /// The earliest date a correct clock can show: before this build existed.
    static let earliestPlausibleDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    public init(configuration: ParleyConfiguration, logger: Logger, options: Options = Options(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.logger = logger
        self.options = options
        self.clock = clock
    }

    var bootstrap: EngineBootstrap { EngineBootstrap(configuration: configuration, logger: logger) }

    /// Every finding, in the order above.
    public func run() async -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        if let wrongUser = userFinding() {
            return [wrongUser]
        }
        let directories = directoryFindings()
        findings += directories
        let (keyFindings, keys) = masterKeyFindings()
        findings += keyFindings
        findings.append(clockFinding())
        findings += diskFindings()
        let directoriesUsable = !directories.contains { $0.severity == .error && $0.check.hasPrefix("data.") }
        if let keys, directoriesUsable {
            findings += await dataFindings(keys: keys)
        }
        findings += botFindings()
        if let unit = options.unitFile {
            findings += UnitHardening(unitFile: unit, dropInDirectories: options.dropInDirectories).findings(
                systemdAnalyze: options.systemdAnalyze, maximumExposure: options.maximumExposure
            )
        }
        return findings
    }

    /// Root would be refused by every owner check: the service runs as the
    /// installation's user, and so must the checks.
    func userFinding() -> DoctorFinding? {
        guard geteuid() == 0 else { return nil }
        let owners = [configuration.paths.dataDirectory, configuration.paths.keysDirectory].compactMap { FileStatus.of($0)?.owner }
        guard let owner = owners.first(where: { $0 != 0 }) else { return nil }
        let name = FileStatus.userName(owner)
        return .error(
            "doctor.user", "doctor runs as root, but the installation belongs to \(name); its checks must run as that user",
            fix: "sudo -u \(name) parley doctor"
        )
    }

    /// How a fix that runs Parley is written for the user running the doctor.
    var parleyCommand: String {
        let name = FileStatus.userName(geteuid())
        return name == "root" ? "parley" : "sudo -u \(name) parley"
    }
}
