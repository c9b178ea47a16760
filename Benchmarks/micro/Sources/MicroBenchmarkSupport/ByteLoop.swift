/// The trivial pass over a text's bytes that the text benchmarks (redaction,
/// NLU) are compared with, as redaction-bench does: counts the spaces.
@inline(never)
public func countSpaces(_ text: String) -> Int {
    var spaces = 0
    for byte in text.utf8 where byte == 0x20 { spaces += 1 }
    return spaces
}
