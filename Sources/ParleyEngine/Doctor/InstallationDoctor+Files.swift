import Foundation
import ParleyCrypto
#if canImport(Glibc)
import Glibc
#endif

/// The data and keys directories and the master key.
extension InstallationDoctor {
    /// At most this many entries under the data directory are inspected for foreign owners.
    static let ownershipScanLimit = 20_000

    func directoryFindings() -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        let data = configuration.paths.dataDirectory
        let user = FileStatus.userName(geteuid())
        guard let status = FileStatus.of(data) else {
            return [.warning(
                "data.directory", "the data directory \(data.path) does not exist yet: nothing was initialised",
                fix: "\(parleyCommand) init (or start the service: systemctl start parley)"
            )]
        }
        findings += privateDirectoryFindings("data.directory", "data directory", data, status, user: user)
        if status.isDirectory, status.owner == geteuid() {
            findings += contentFindings(under: data, user: user)
        }
        if let keys = FileStatus.of(configuration.paths.keysDirectory) {
            findings += privateDirectoryFindings("keys.directory", "keys directory", configuration.paths.keysDirectory, keys, user: user)
        } else if !bootstrap.keyDirectory.usesCredential {
            findings.append(.error(
                "keys.directory", "the keys directory \(configuration.paths.keysDirectory.path) does not exist",
                fix: FileManager.default.fileExists(atPath: databaseURL.path)
                    ? "restore the keys directory from your key escrow: the database exists and needs its key"
                    : "\(parleyCommand) keys init"
            ))
        }
        return findings
    }

    var databaseURL: URL { configuration.paths.dataDirectory.appendingPathComponent("parley.db") }
    var keyringURL: URL { configuration.paths.dataDirectory.appendingPathComponent("keyring.db") }

    private func privateDirectoryFindings(_ check: String, _ what: String, _ url: URL, _ status: FileStatus, user: String) -> [DoctorFinding] {
        guard status.isDirectory else {
            return [.error(check, "the \(what) \(url.path) is not a directory (symbolic links are refused)", fix: "make \(url.path) a directory of \(user), mode 0700")]
        }
        guard status.owner == geteuid() else {
            return [.error(
                check, "the \(what) \(url.path) belongs to \(FileStatus.userName(status.owner)), not to \(user) who runs Parley",
                fix: "sudo chown -R \(user): \(url.path)"
            )]
        }
        guard !status.isOpenToOthers else {
            return [.error(check, "the \(what) \(url.path) has mode \(status.octalMode): group or others may enter it", fix: "chmod 700 \(url.path)")]
        }
        return [.ok(check, "the \(what) \(url.path) is 0700 and belongs to \(user)")]
    }

    /// Files under the data directory that another user owns (a command once
    /// run as root, say) make the service fail when it next writes them.
    private func contentFindings(under directory: URL, user: String) -> [DoctorFinding] {
        guard let entries = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var foreign: [(path: String, owner: uid_t)] = []
        var open: [String] = []
        var inspected = 0
        while let relative = entries.nextObject() as? String, inspected < Self.ownershipScanLimit {
            inspected += 1
            let url = directory.appendingPathComponent(relative)
            guard let status = FileStatus.of(url) else { continue }
            if status.owner != geteuid() { foreign.append((url.path, status.owner)) }
            if status.isRegularFile, status.isOpenToOthers { open.append(url.path) }
        }
        var findings: [DoctorFinding] = []
        if let first = foreign.first {
            findings.append(.error(
                "data.ownership", "\(foreign.count) file(s) under \(directory.path) belong to another user (the first: \(first.path), owned by \(FileStatus.userName(first.owner)))",
                fix: "sudo chown -R \(user): \(directory.path)"
            ))
        }
        if let first = open.first {
            findings.append(.warning(
                "data.modes", "\(open.count) file(s) under \(directory.path) may be read by group or others (the first: \(first))",
                fix: "chmod -R go-rwx \(directory.path)"
            ))
        }
        return findings
    }

    /// The master key: where it comes from and whether it loads. Its hierarchy, when it does.
    func masterKeyFindings() -> ([DoctorFinding], KeyHierarchy?) {
        let directory = bootstrap.keyDirectory
        let hasDatabase = FileManager.default.fileExists(atPath: databaseURL.path)
        guard directory.hasMasterKey else {
            let fix = hasDatabase
                ? "restore \(directory.masterKeyURL.path) from your key escrow (a new key cannot open the existing database)"
                : "\(parleyCommand) keys init (or configure the systemd credential \(KeyDirectory.credentialName))"
            return ([.error("keys.master", "no master key: neither \(directory.masterKeyURL.path) nor a systemd credential \(KeyDirectory.credentialName)", fix: fix)], nil)
        }
        var findings: [DoctorFinding] = []
        let source: String
        if directory.usesCredential {
            source = "the systemd credential \(KeyDirectory.credentialName)"
        } else if (try? directory.description())?.source == "passphrase" {
            source = "a passphrase (Argon2id)"
            if configuration.keys.passphraseFile == nil {
                findings.append(.warning(
                    "keys.passphrase", "the master key needs its passphrase, and no keys.passphrase_file is configured: the service cannot start unattended",
                    fix: "set keys.passphrase_file in \(configuration.source?.path ?? "parley.yml") to a 0600 file of the service user, or hand the key over as a systemd credential"
                ))
            }
        } else {
            source = directory.masterKeyURL.path
            if let status = FileStatus.of(directory.masterKeyURL), status.isRegularFile, status.isOpenToOthers {
                findings.append(.error("keys.master", "\(directory.masterKeyURL.path) has mode \(status.octalMode)", fix: "chmod 600 \(directory.masterKeyURL.path)"))
                return (findings, nil)
            }
        }
        do {
            let keys = try KeyHierarchy(master: directory.loadMasterKey())
            findings.append(.ok("keys.master", "master key \(keys.keyID) loads from \(source)"))
            return (findings, keys)
        } catch let error as EngineError {
            findings.append(.error("keys.master", "the master key from \(source) does not load: \(error.description)", fix: Self.keyFix(error.description, directory)))
        } catch {
            findings.append(.error("keys.master", "the master key from \(source) is not a valid key", fix: "restore the key from your key escrow"))
        }
        return (findings, nil)
    }

    private static func keyFix(_ message: String, _ directory: KeyDirectory) -> String {
        if let range = message.range(of: "run: ") { return String(message[range.upperBound...]) }
        if message.contains("belongs to uid") { return "sudo chown -R \(FileStatus.userName(geteuid())): \(directory.url.path)" }
        if message.contains("passphrase") { return "give --passphrase-file FILE (or set keys.passphrase_file), or run doctor on a terminal" }
        return "restore the key from your key escrow"
    }
}
