import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The host: clock, disk space, the bot and the policies.
extension InstallationDoctor {
    /// Below this much free space, or this share of the file system, writes may soon fail.
    static let criticalFreeBytes: Int64 = 256 << 20
    static let criticalFreeShare = 0.02
    static let lowFreeBytes: Int64 = 1 << 30
    static let lowFreeShare = 0.10

    func clockFinding() -> DoctorFinding {
        let now = clock()
        guard now >= Self.earliestPlausibleDate else {
            return .error(
                "clock.sanity", "the clock says \(now.formatted(.iso8601)), before this version of Parley was built",
                fix: "correct the system clock (timedatectl set-ntp true, or chrony/ntpsec against your time source)"
            )
        }
        return .ok("clock.sanity", "the clock says \(now.formatted(.iso8601))")
    }

    func diskFindings() -> [DoctorFinding] {
        var directory = configuration.paths.dataDirectory
        while FileStatus.of(directory) == nil, directory.pathComponents.count > 1 { directory.deleteLastPathComponent() }
        var info = statvfs()
        guard statvfs(directory.path, &info) == 0 else {
            return [.warning("disk.space", "cannot measure the free space of \(directory.path): \(String(cString: strerror(errno)))", fix: "check the file system of the data directory")]
        }
        let free = Int64(info.f_bavail) * Int64(info.f_frsize)
        let total = Int64(info.f_blocks) * Int64(info.f_frsize)
        let share = total > 0 ? Double(free) / Double(total) : 0
        let database = ["parley.db", "parley.db-wal", "keyring.db"].reduce(Int64(0)) {
            $0 + (FileStatus.of(configuration.paths.dataDirectory.appendingPathComponent($1))?.size ?? 0)
        }
        let measured = "\(Self.size(free)) free on the file system of \(directory.path) (\(Int((share * 100).rounded())) %)"
        let fix = "free space or grow the file system holding \(directory.path)"
        if free < Self.criticalFreeBytes || share < Self.criticalFreeShare {
            return [.error("disk.space", "\(measured): writes will soon fail", fix: fix)]
        }
        if free < Self.lowFreeBytes || share < Self.lowFreeShare {
            return [.warning("disk.space", "\(measured): running low", fix: fix)]
        }
        if free < 2 * database {
            return [.warning(
                "disk.space", "\(measured), less than twice the database (\(Self.size(database))): a backup, restore or key rotation writes a full copy",
                fix: fix
            )]
        }
        return [.ok("disk.space", measured)]
    }

    static func size(_ bytes: Int64) -> String {
        bytes >= 1 << 30
            ? String(format: "%.1f GiB", Double(bytes) / Double(1 << 30))
            : String(format: "%.0f MiB", Double(bytes) / Double(1 << 20))
    }

    func botFindings() -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        let fix = "correct the file at the line and key named; the service reads it at start"
        do {
            let bot = try bootstrap.loadBot()
            findings.append(.ok("bot", "the bot in \(configuration.paths.botDirectory.path) loads: \(bot.domain.intents.count) intents, \(bot.rules.count) rules"))
        } catch {
            findings.append(.error("bot", error.description, fix: fix))
        }
        do {
            _ = try bootstrap.loadEscalationPolicy()
            _ = try PIIPolicyReader.load(configuration.paths.policiesDirectory.appendingPathComponent("pii.yml"))
            findings.append(.ok("policies", "the policies in \(configuration.paths.policiesDirectory.path) load"))
        } catch {
            findings.append(.error("policies", error.description, fix: fix))
        }
        return findings
    }
}
