/// Values for the near-miss templates: shaped like personal data, but not.
extension ValueFactory {
    mutating func nearMiss(_ slot: String) -> String? {
        switch slot {
        case "orderdigits": return "\(rng.int(10_000...999_999))"
        case "cardlike": return Self.text(cardDigits())
        case "orderref": return rng.pick(["ORD-\(rng.int(2019...2025))-\(Self.text(Self.pad(rng.int(1...999_999), 6)))", "INV-\(rng.int(1000...99999))"])
        case "tracking":
            return rng.pick(["1Z\(rng.int(100...999))AA1\(rng.int(1_000_000...9_999_999))\(rng.int(10...99))",
                             "94001118992238\(rng.int(10_000_000...99_999_999))", "JD0146\(rng.int(10_000_000...99_999_999))GB"])
        case "price":
            return rng.pick(["$\(rng.int(1...9)),\(rng.int(100...999)).\(rng.int(10...99))", "€ \(rng.int(5...999)).\(rng.int(10...99))",
                             "£\(rng.int(1...2000))", "EUR \(rng.int(1...9)),\(rng.int(100...999)).00", "\(rng.int(10...500)).\(rng.int(10...99)) USD"])
        case "date": return date(years: 2023...2026)
        case "time": return rng.pick(["\(rng.int(8...18)):\(rng.pick(["00", "15", "30", "45"]))", "\(rng.int(1...12))pm", "\(rng.int(10...23)):\(rng.int(10...59)):00"])
        case "version": return "\(rng.int(1...12)).\(rng.int(0...9)).\(rng.int(0...9)).\(rng.int(0...99))"
        case "badcard":
            var digits = cardDigits()
            digits[digits.count - 1] = (digits[digits.count - 1] + rng.int(1...9)) % 10
            return formatCard(digits)
        case "badiban": return formatIBAN(ibanCharacters(validCheck: false))
        case "badssn":
            return rng.pick(["000-\(rng.int(10...99))-\(rng.int(1000...9999))", "666-\(rng.int(10...99))-\(rng.int(1000...9999))",
                             "\(rng.int(900...999))-\(rng.int(10...99))-\(rng.int(1000...9999))", "\(rng.int(100...665))-00-\(rng.int(1000...9999))",
                             "\(rng.int(100...665))-\(rng.int(10...99))-0000", "078-05-1120", "123-45-6789"])
        case "badnhs": return formatNHS(nhsDigits(valid: false))
        case "badnino":
            return rng.pick(["QQ\(rng.int(100_000...999_999))C", "DA\(rng.int(100_000...999_999))A", "AB\(rng.int(100_000...999_999))E",
                             "GB\(rng.int(100_000...999_999))B", "AO\(rng.int(100_000...999_999))A"])
        case "badphone":
            return rng.pick(["(123) 456-\(rng.int(1000...9999))", "555-\(rng.int(1000...9999))", "+44 20 7946",
                             "0000 \(rng.int(100_000...999_999))", "(202) 011-\(rng.int(1000...9999))", "911"])
        case "badwallet":
            var address = Array(wallet())
            let index = rng.int(6...(address.count - 2))
            let alphabet = Array(address[0] == "b" ? "qpzry9x8gf2tvdw0s3jn54khce6mua7l" : "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
            var replacement = rng.pick(alphabet)
            while replacement == address[index] { replacement = rng.pick(alphabet) }
            address[index] = replacement
            return String(address)
        case "badip": return rng.pick(["256.\(rng.int(0...255)).1.1", "1.2.3.4.5", "192.168.\(rng.int(0...255))", "10.0.0.999"])
        case "ticket": return "TKT-\(rng.int(10_000...99_999))"
        case "claimref": return "CLM-\(rng.int(100_000...999_999))"
        case "policynum": return "\(rng.int(100_000_000...899_999_999))"
        case "points": return "\(rng.int(1000...99_999))"
        case "percent": return "\(rng.int(1...9)).\(rng.int(0...9))%"
        case "refcode": return "\(rng.pick(["AB", "XK", "PQ"]))\(rng.int(1000...9999))"
        case "meter": return "\(rng.int(10_000...99_999))"
        case "room": return "\(rng.int(1...40))"
        case "flight": return "\(rng.int(100...999))"
        case "year": return "\(rng.int(2015...2025))"
        case "model": return "\(rng.int(40...85))AU\(rng.int(7000...9000))"
        default: return nil
        }
    }
}
