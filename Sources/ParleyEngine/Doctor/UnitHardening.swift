import Foundation

/// The systemd unit's hardening as systemd will apply it: the unit file with
/// its drop-ins (a drop-in may weaken what the package ships), checked
/// directive by directive, and scored by `systemd-analyze security` when
/// that program is at hand.
struct UnitHardening: Sendable {
    let unitFile: URL
    let dropInDirectories: [URL]

    /// Descriptors for many concurrent chats (see the shipped unit's comment).
    static let minimumOpenFiles = 65_536

    func findings(systemdAnalyze: URL?, maximumExposure: Double) -> [DoctorFinding] {
        let service: UnitDirectives
        do { service = try UnitDirectives.load(unitFile: unitFile, dropInDirectories: dropInDirectories, section: "Service") } catch {
            return [.error("unit.file", "\(unitFile.path) cannot be read", fix: "reinstall the package: apt-get install --reinstall parley")]
        }
        let problems = Self.problems(service)
        var findings: [DoctorFinding] = []
        let files = service.files.map(\.path).joined(separator: ", ")
        if problems.isEmpty {
            findings.append(.ok("unit.hardening", "the unit's hardening is in place (\(files))"))
        } else {
            findings.append(.error(
                "unit.hardening", "the unit is weaker than shipped: " + problems.joined(separator: "; "),
                fix: "remove the weakening lines from \(files), then: systemctl daemon-reload && systemctl restart parley"
            ))
        }
        if let limit = service.last("LimitNOFILE").flatMap(Self.softLimit), limit >= Self.minimumOpenFiles {
            findings.append(.ok("unit.limits", "LimitNOFILE allows \(limit) descriptors"))
        } else {
            findings.append(.warning(
                "unit.limits", "LimitNOFILE is below \(Self.minimumOpenFiles): too few descriptors for many concurrent chats",
                fix: "set LimitNOFILE=\(Self.minimumOpenFiles) in a drop-in (systemctl edit parley)"
            ))
        }
        if let systemdAnalyze {
            findings.append(exposureFinding(systemdAnalyze, maximum: maximumExposure))
        }
        return findings
    }

    /// What is missing or weakened, one phrase each; empty when all is in place.
    static func problems(_ service: UnitDirectives) -> [String] {
        var problems: [String] = []
        let user = service.last("User") ?? ""
        if !(service.isTrue("DynamicUser") || (!user.isEmpty && user != "root" && user != "0")) {
            problems.append("it runs as root (set User=parley or DynamicUser=yes)")
        }
        for directive in ["NoNewPrivileges", "PrivateTmp", "MemoryDenyWriteExecute", "PrivateDevices"] where !service.isTrue(directive) {
            problems.append("\(directive)=yes is missing")
        }
        if service.last("ProtectSystem") != "strict" { problems.append("ProtectSystem=strict is missing") }
        if !["yes", "read-only", "tmpfs"].contains(service.last("ProtectHome") ?? "") { problems.append("ProtectHome=yes is missing") }
        if service.last("UMask") != "0077" { problems.append("UMask=0077 is missing") }
        let capabilities = service.list("CapabilityBoundingSet")
        if capabilities == nil || capabilities?.isEmpty == false {
            problems.append("CapabilityBoundingSet= does not drop every capability")
        }
        if !(service.list("SystemCallFilter") ?? []).contains("@system-service") {
            problems.append("SystemCallFilter=@system-service is missing")
        }
        let families = service.list("RestrictAddressFamilies") ?? []
        let allowed: Set = ["AF_INET", "AF_INET6", "AF_UNIX"]
        if families.isEmpty || families.contains(where: { !allowed.contains($0) }) {
            problems.append("RestrictAddressFamilies= does not limit sockets to AF_INET AF_INET6 AF_UNIX")
        }
        return problems
    }

    /// The soft limit of `LimitNOFILE=SOFT[:HARD]` (`infinity` counts as unlimited).
    static func softLimit(_ value: String) -> Int? {
        let soft = value.split(separator: ":").first.map(String.init) ?? value
        return soft == "infinity" ? Int.max : Int(soft)
    }

    private func exposureFinding(_ systemdAnalyze: URL, maximum: Double) -> DoctorFinding {
        // The unit file by path: offline, as a user other than root,
        // systemd-analyze does not find a unit by name. Drop-ins are held to
        // the directives above instead.
        let target = unitFile.path
        guard let output = Self.run(systemdAnalyze, ["security", "--offline=true", "--no-pager", target]),
              let exposure = Self.exposure(in: output)
        else {
            return .warning("unit.exposure", "systemd-analyze security gave no exposure score for \(target)", fix: "run: systemd-analyze security --offline=true \(target)")
        }
        let score = String(format: "%.1f", exposure)
        guard exposure <= maximum else {
            return .error(
                "unit.exposure", "systemd-analyze security rates the unit's exposure \(score), above \(String(format: "%.1f", maximum))",
                fix: "run 'systemd-analyze security --offline=true \(target)' and restore the directives it marks"
            )
        }
        return .ok("unit.exposure", "systemd-analyze security rates the unit's exposure \(score) (at most \(String(format: "%.1f", maximum)))")
    }

    /// The number in `Overall exposure level for parley.service: 1.6 OK 🙂`
    /// (`:-)` without a UTF-8 locale, hence the first colon after the unit's name).
    static func exposure(in output: String) -> Double? {
        guard let line = output.split(separator: "\n").last(where: { $0.contains("Overall exposure level for ") }),
              let phrase = line.range(of: "Overall exposure level for "),
              let colon = line[phrase.upperBound...].firstIndex(of: ":")
        else { return nil }
        return line[line.index(after: colon)...].split(separator: " ").first.flatMap { Double($0) }
    }

    /// Standard output of a program, or nil when it cannot run or fails.
    static func run(_ program: URL, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
