import CPhoneNumber

/// Google's libphonenumber, the field's reference for what is a telephone
/// number in which country, through the `CPhoneNumber` shim. Called only on
/// candidates a fast scanner found (`PhoneDetector`), never on whole texts.
enum PhoneNumberLibrary {
    enum Verdict: Sendable {
        case impossible, possible, valid
    }

    /// Regions whose national formats are tried for a number without a country
    /// code, most frequent first (the first region where it is valid wins).
    static let nationalRegions = "USGBDEFRESITNLBECHATPLPTIESEDKNOFIBRMXARCOCLPEINAUNZJPCNKRSGZANGKETRILAE"
    private static let regionCount = nationalRegions.utf8.count / 2

    /// `digits` (values 0…9) as an international number (`international`, the
    /// country code first) or as a national number of one of `nationalRegions`.
    static func classify(_ digits: [UInt8], international: Bool) -> Verdict {
        guard digits.count <= 30 else { return .impossible }
        var text: [CChar] = []
        text.reserveCapacity(digits.count + 2)
        if international { text.append(0x2B) }
        for digit in digits { text.append(CChar(0x30 + digit)) }
        let result = text.withUnsafeBufferPointer { number in
            var regions = nationalRegions
            return regions.withUTF8 { codes in
                codes.withMemoryRebound(to: CChar.self) { regionBytes in
                    parley_phone_classify(number.baseAddress, number.count, regionBytes.baseAddress, regionCount)
                }
            }
        }
        switch Int(result) {
        case PARLEY_PHONE_VALID: return .valid
        case PARLEY_PHONE_POSSIBLE: return .possible
        default: return .impossible  // includes -1: an internal failure never makes a number
        }
    }
}
