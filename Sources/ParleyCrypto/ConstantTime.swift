import CSodium

/// Constant-time comparison of two byte strings of equal length (token hashes,
/// MACs). Different lengths compare unequal without inspecting the content.
public func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    guard !lhs.isEmpty else { return true }
    return sodium_memcmp(lhs, rhs, lhs.count) == 0
}
