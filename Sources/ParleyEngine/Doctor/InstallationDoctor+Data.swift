import Foundation
import ParleyAudit
import ParleyCrypto
import ParleyStore

/// The database, the keyring, the audit log and the model, read as the service reads them.
extension InstallationDoctor {
    /// How far the clock may be behind the newest audit entry (another host's
    /// clock, a restored copy) before it is an error.
    static let clockTolerance: TimeInterval = 300

    func dataFindings(keys: KeyHierarchy) async -> [DoctorFinding] {
        if bootstrap.rotation.needsRecovery {
            return [.error(
                "keys.rotation", "a key rotation was interrupted: the databases are not usable until it is finished or rolled back",
                fix: "restart the service (systemctl restart parley), or run '\(parleyCommand) keys status' while no other Parley process runs"
            )]
        }
        guard FileManager.default.fileExists(atPath: databaseURL.path) else {
            return [.warning(
                "data.database", "no database yet in \(configuration.paths.dataDirectory.path): the installation has not been initialised",
                fix: "\(parleyCommand) init (or start the service: systemctl start parley)"
            )]
        }
        let lock: DataDirectoryLock
        do { lock = try DataDirectoryLock.acquire(configuration.paths.dataDirectory, exclusive: false) } catch {
            return [.error("data.lock", error.description, fix: "wait for the key rotation or restore to end, then run doctor again")]
        }
        defer { withExtendedLifetime(lock) {} }
        var findings: [DoctorFinding] = []
        let store: Store
        do {
            store = try Store(location: .directory(configuration.paths.dataDirectory), keys: keys, options: configuration.storeOptions)
        } catch {
            return [Self.openFailure(error, keyring: keyringURL, command: parleyCommand)]
        }
        if let notice = store.recoveryNotice {
            findings.append(.warning(
                "data.recovery", "opening ran crash recovery: \(notice)",
                fix: "if no crash or power cut explains it, treat it as tampering: compare with your latest backup and the audit log"
            ))
        }
        do {
            try await store.verifyIntegrity()
            findings.append(.ok("data.database", "\(databaseURL.path) opens under master key \(keys.keyID), every page authenticates and integrity_check passes"))
        } catch {
            findings.append(.error(
                "data.database", "\(databaseURL.path) fails its integrity check: \(error.description)",
                fix: "stop the service and restore the latest backup: parley restore FILE (see parley.restore(1))"
            ))
        }
        findings.append(keyringFinding())
        findings += await auditFindings(store: store, keys: keys)
        findings.append(await modelFinding(store: store))
        return findings
    }

    static func openFailure(_ error: StoreError, keyring: URL, command: String) -> DoctorFinding {
        switch error {
        case .keyringMissing:
            return .error(
                "data.keyring", error.description,
                fix: "restore \(keyring.path) from its redundant storage; only if it is lost for good: \(command) keys reset-keyring --confirm-text-lost (audited; the customers' text becomes unreadable)"
            )
        case .authenticationFailed:
            return .error(
                "data.database", "the database does not open under this master key: \(error.description)",
                fix: "check the key in use ('parley keys status'); a wrong key is restored from escrow, a damaged file from a backup (parley restore FILE)"
            )
        default:
            return .error("data.database", "the database does not open: \(error.description)", fix: "stop the service and restore the latest backup: parley restore FILE")
        }
    }

    func keyringFinding() -> DoctorFinding {
        let size = FileStatus.of(keyringURL)?.size ?? 0
        guard size > 0 else {
            return .warning(
                "data.keyring", "\(keyringURL.path) is missing or empty; no customer text is stored under it yet, so nothing is lost",
                fix: "none now; keep keyring.db on redundant storage once customers are served (it is in no backup)"
            )
        }
        return .ok("data.keyring", "\(keyringURL.path) is present (keep it on redundant storage: it is in no backup)")
    }

    func auditFindings(store: Store, keys: KeyHierarchy) async -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        do {
            let audit = try bootstrap.auditTrail(store: store, keys: keys)
            let report = try await audit.verifyStoredLog()
            if report.verified {
                let checkpoint = report.checkpointSize.map { "; the newest signed checkpoint covers \($0)" } ?? "; no signed checkpoint yet"
                findings.append(.ok("audit.log", "the audit log verifies: \(report.size) entries\(checkpoint)"))
            } else {
                findings.append(.error(
                    "audit.log", "the audit log does not verify: \(report.failure ?? "unknown failure")",
                    fix: "keep this database as evidence (copy it read-only), tell your compliance officer, and compare with exported bundles and kept checkpoints (parley audit consistency)"
                ))
            }
            let newest = try await store.auditHighestSequence()
            if newest > 0, let row = try await store.auditRows(newest...newest).first {
                findings.append(clockFinding(newestAuditEntry: Date(timeIntervalSince1970: Double(row.timeMilliseconds) / 1000)))
            }
        } catch {
            findings.append(.error("audit.log", "the audit log cannot be read: \(error)", fix: "stop the service and restore the latest backup: parley restore FILE"))
        }
        return findings
    }

    func clockFinding(newestAuditEntry: Date) -> DoctorFinding {
        let now = clock()
        let behind = newestAuditEntry.timeIntervalSince(now)
        guard behind <= Self.clockTolerance else {
            return .error(
                "clock.audit", "the clock (\(now.formatted(.iso8601))) is \(Int(behind)) s behind the newest audit entry (\(newestAuditEntry.formatted(.iso8601))): new entries would go back in time",
                fix: "correct the system clock (timedatectl set-ntp true, or chrony/ntpsec against your time source) before serving"
            )
        }
        return .ok("clock.audit", "the clock is after the newest audit entry")
    }

    func modelFinding(store: Store) async -> DoctorFinding {
        do {
            let models = try await bootstrap.models(store: store)
            guard let model = try models.loadActive() else {
                return .warning("model.active", "no trained model yet", fix: "\(parleyCommand) train (the service also trains one at its first start)")
            }
            return .ok("model.active", "model \(model.metadata.version) loads: \(model.metadata.intents.count) intents")
        } catch {
            return .error(
                "model.active", "the active model does not load: \(error.description)",
                fix: "\(parleyCommand) train (the service would train a new one at its next start)"
            )
        }
    }
}
