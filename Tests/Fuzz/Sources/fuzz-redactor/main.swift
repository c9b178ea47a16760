import FuzzSupport
import ParleyEngine
import ParleyRedaction

/// The redactor on any text, with the shipped policy (policies/pii.yml): it
/// never traps, and its spans lie inside the text, sorted and apart, in both
/// the original and the redacted text.
let redactor: Redactor = {
    do { return try Redactor(policy: PIIPolicyReader.load(FuzzPaths.repository.appendingPathComponent("policies/pii.yml"))) } catch {
        fatalError("the shipped PII policy does not load")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRedactor(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    let scalars = text.unicodeScalars.count
    let result = redactor.redact(text)
    let redactedScalars = result.redactedText.unicodeScalars.count
    var originalEnd = 0
    var redactedEnd = 0
    for span in result.spans {
        fuzzRequire(originalEnd <= span.originalStart && span.originalStart < span.originalEnd && span.originalEnd <= scalars, "original span order and bounds")
        fuzzRequire(redactedEnd <= span.redactedStart && span.redactedStart <= span.redactedEnd && span.redactedEnd <= redactedScalars, "redacted span order and bounds")
        originalEnd = span.originalEnd
        redactedEnd = span.redactedEnd
    }
    fuzzRequire(!result.spans.isEmpty || result.redactedText == text, "text without spans is unchanged")
    let detected = redactor.detect(text)
    fuzzRequire(detected.count == result.spans.count, "detect and redact agree")
    return 0
}

@_cdecl("fuzz_redactor_main")
public func fuzzRedactorMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzRedactor)
}
