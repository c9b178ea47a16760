extension RedactionOperator {
    /// The replacement text for `value`, or nil when the value is dropped.
    /// A `hash` without a hasher cannot happen: `Redactor.init` rejects it.
    func replacement(for value: String, type: PIIEntityType, hasher: (any PIIHasher)?) -> String? {
        switch self {
        case .placeholder, .vault:
            return type.placeholder
        case .drop:
            return nil
        case .hash:
            let digest = hasher?.digest(value, type: type) ?? ""
            return "[\(type.rawValue):\(digest)]"
        case .mask(let keepLast, let character):
            return Self.masked(value, keepLast: keepLast, character: character)
        }
    }

    /// Masks letters and digits except the last `keepLast`; keeps separators.
    static func masked(_ value: String, keepLast: Int, character: Character) -> String {
        let scalars = value.unicodeScalars
        let maskable = scalars.reduce(0) { $0 + (isMaskable($1) ? 1 : 0) }
        var toMask = max(0, maskable - keepLast)
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in scalars {
            if toMask > 0, isMaskable(scalar) {
                result.append(character)
                toMask -= 1
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isMaskable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return UInt8(scalar.value).isASCIIAlnum }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
