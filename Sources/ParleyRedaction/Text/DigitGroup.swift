/// A maximal run of ASCII digits and how it joins the run before it.
///
/// Groups joined by a short separator form a chain (`4111 1111 1111 1111`,
/// `(020) 7946-0958`); numeric detectors look at chains instead of rescanning bytes.
struct DigitGroup {
    /// The separator between this group and the previous one.
    enum Gap: UInt8 {
        /// Not joined: this group starts a new chain.
        case none
        case space, dash, dot, slash
        /// Any one- or two-byte gap made of a parenthesis and optional space.
        case paren
    }

    let start: Int
    let end: Int
    let gap: Gap

    var length: Int { end - start }

    static func classifyGap(_ bytes: UnsafeBufferPointer<UInt8>, from end: Int, to start: Int) -> Gap {
        switch start - end {
        case 1:
            switch bytes[end] {
            case 0x20: return .space
            case 0x2D: return .dash
            case 0x2E: return .dot
            case 0x2F: return .slash
            case 0x28, 0x29: return .paren
            default: return .none
            }
        case 2:
            let first = bytes[end]
            let second = bytes[end + 1]
            if first == 0x29, second == 0x20 || second == 0x2D { return .paren }  // ") " ")-"
            if first == 0x20, second == 0x28 { return .paren }  // " ("
            return .none
        default:
            return .none
        }
    }
}

extension ScanInput {
    /// Calls `body` with the index range (into `digitGroups`) of every chain.
    func forEachDigitChain(_ body: (Range<Int>) -> Void) {
        let groups = digitGroups
        var chainStart = 0
        var index = 1
        while index <= groups.count {
            if index == groups.count || groups[index].gap == .none {
                body(chainStart..<index)
                chainStart = index
            }
            index += 1
        }
    }

    /// True when a number starting at byte `start` is glued to what precedes it:
    /// a letter or digit, a decimal or thousands separator after a digit, or a
    /// currency symbol (prices are never personal data).
    func numberAttachedBefore(_ start: Int) -> Bool {
        let previous = byte(at: start - 1)
        if previous.isASCIIAlnum || previous == 0x5F { return true }
        if previous == 0x2C || previous == 0x2E { return byte(at: start - 2).isASCIIDigit }
        return followsCurrencySymbol(start)
    }

    /// True when a number ending at byte `end` is glued to what follows it:
    /// a letter or digit, a decimal or thousands separator before a digit, `%`.
    func numberAttachedAfter(_ end: Int) -> Bool {
        let next = byte(at: end)
        if next.isASCIIAlnum || next == 0x5F || next == 0x25 { return true }
        if next == 0x2C || next == 0x2E || next == 0x2D || next == 0x2F { return byte(at: end + 1).isASCIIDigit }
        return false
    }

    /// The decimal digits of groups `range` in order, as values 0…9.
    func digits(ofGroups range: Range<Int>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(24)
        for groupIndex in range {
            let group = digitGroups[groupIndex]
            for index in group.start..<group.end { result.append(bytes[index] &- 0x30) }
        }
        return result
    }

    /// Total digit count of groups `range`.
    func digitCount(ofGroups range: Range<Int>) -> Int {
        var total = 0
        for groupIndex in range { total += digitGroups[groupIndex].length }
        return total
    }
}
