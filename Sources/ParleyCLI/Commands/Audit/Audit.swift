import ArgumentParser

/// `parley audit ...`: the compliance officer's tools.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export, verify and prove the audit trail (format: man parley-audit-format).",
        subcommands: [
            AuditExport.self, AuditVerify.self, AuditConsistency.self, AuditPublicKey.self, AuditCheckpoint.self,
            AuditReceiptCommand.self, AuditVerifyReceipt.self, AuditVerifyConsistency.self,
        ]
    )
}
