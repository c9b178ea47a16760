import ArgumentParser
import Foundation
import ParleyEngine

/// `parley doctor`: checks an installation and says how to fix what is wrong.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an installation: keys, directories, database, keyring, audit log, model, disk, clock, unit hardening.",
        discussion: """
            Run it as the user that owns the installation (on an installed host:
            sudo -u parley parley doctor). Each finding is printed with its fix;
            the exit status is non-zero when any finding is an error. Nothing is
            created or changed: a fresh installation is reported as not initialised.
            The systemd unit is checked (with its drop-ins, and scored by
            systemd-analyze security) when it is installed, or with --unit.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The systemd unit file to check (default: the installed parley.service, if any).")
    var unit: String?

    @Option(help: "The highest systemd-analyze security exposure accepted.")
    var maximumExposure = 2.0

    @Flag(help: "Print the findings as JSON.")
    var json = false

    func run() async throws {
        let findings: [DoctorFinding]
        do {
            let configuration = try global.load()
            var options = InstallationDoctor.Options.installedService()
            if let unit {
                options.unitFile = URL(fileURLWithPath: unit)
                options.dropInDirectories = []
            } else if Layout.detect().isCheckout, global.config == nil {
                options.unitFile = nil
            }
            options.maximumExposure = maximumExposure
            findings = await InstallationDoctor(configuration: configuration, logger: global.logger(configuration), options: options).run()
        } catch let error as EngineError {
            findings = [.error("configuration", error.description, fix: "correct the file at the line and key named")]
        }
        if json {
            try printJSON(Report(findings: findings))
        } else {
            print(Self.text(findings))
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }

    static func text(_ findings: [DoctorFinding]) -> String {
        var lines = findings.map { finding in
            let head = "\(finding.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(finding.check): \(finding.summary)"
            return finding.fix.map { head + "\n        fix: \($0)" } ?? head
        }
        let errors = findings.count(where: { $0.severity == .error })
        let warnings = findings.count(where: { $0.severity == .warning })
        lines.append("\(errors) error(s), \(warnings) warning(s), \(findings.count - errors - warnings) ok")
        return lines.joined(separator: "\n")
    }

    struct Report: Encodable {
        let findings: [DoctorFinding]
        var errors: Int { findings.count(where: { $0.severity == .error }) }
        var warnings: Int { findings.count(where: { $0.severity == .warning }) }

        enum CodingKeys: String, CodingKey { case findings, errors, warnings }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(findings, forKey: .findings)
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
        }
    }
}
