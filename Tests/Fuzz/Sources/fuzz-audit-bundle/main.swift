import Foundation
import FuzzSupport
import ParleyAudit

/// The offline verifiers on any bytes, with the example key of
/// parley-audit-format(5) (Tests/ParleyAuditTests/Fixtures): the export
/// bundle verifier and the erasure-receipt verifier both return a report and
/// never trap; a failed report names its failure. The seeds are the
/// documented example bundle, empty bundle and receipt.
let verifierKey: NoteVerifierKey = {
    let url = FuzzPaths.repository.appendingPathComponent("Tests/ParleyAuditTests/Fixtures/example-key.txt")
    do {
        let text = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return try NoteVerifierKey(parsing: text)
    } catch {
        fatalError("the example verifier key does not load")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAuditBundle(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    let bundle = AuditBundleVerifier.verify(bundleBytes: bytes, verifierKey: verifierKey)
    fuzzRequire((bundle.status == .failed) == (bundle.failure != nil), "a failed bundle report names its failure")
    _ = AuditReceipt.verify(bytes: bytes, verifierKey: verifierKey)
    return 0
}

@_cdecl("fuzz_audit_bundle_main")
public func fuzzAuditBundleMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzAuditBundle)
}
