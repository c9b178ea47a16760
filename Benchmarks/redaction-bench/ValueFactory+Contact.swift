/// Phones, emails, URLs, IP addresses and wallet addresses.
extension ValueFactory {
    mutating func phone() -> String {
        let line = Self.text(Self.pad(rng.int(0...9999), 4))
        let area = "\(rng.int(2...9))\(rng.int(0...9))\(rng.int(2...9))"
        let exchange = "\(rng.int(2...9))\(rng.int(0...9))\(rng.int(2...9))"
        switch rng.int(0...17) {
        case 0: return "(\(area)) \(exchange)-\(line)"
        case 1: return "\(area)-\(exchange)-\(line)"
        case 2: return "+1 \(area) \(exchange) \(line)"
        case 3: return "1-800-\(exchange)-\(line)"
        case 4: return "\(area).\(exchange).\(line)"
        case 5: return "+44 20 7946 0\(rng.int(100...999))"
        case 6: return "020 7946 0\(rng.int(100...999))"
        case 7: return "07700 900\(rng.int(100...999))"
        case 8: return "+44 7700 900\(rng.int(100...999))"
        case 9: return "0161 496 0\(rng.int(100...999))"
        case 10: return "+44 (0)20 7946 0\(rng.int(100...999))"
        case 11: return "+49 30 \(rng.int(1_000_000...9_999_999))"
        case 12: return "030 \(rng.int(10_000_000...99_999_999))"
        case 13: return "+49 151 \(rng.int(10_000_000...99_999_999))"
        case 14: return "0151 \(rng.int(10_000_000...99_999_999))"
        case 15: return "+33 \(rng.int(1...7)) \(pairs(4))"
        case 16: return "0\(rng.int(1...7)) \(pairs(4))"
        default: return "+1\(area)\(exchange)\(line)"
        }
    }

    private mutating func pairs(_ count: Int) -> String {
        (0..<count).map { _ in Self.text(Self.pad(rng.int(0...99), 2)) }.joined(separator: " ")
    }

    static let firstNames = [
        "james", "maria", "oliver", "sophie", "li", "ahmed", "zoe", "lukas", "chloe", "noah", "amelia", "raj",
        "fatima", "tom", "emma", "hannah", "pierre", "giulia", "sean", "aoife",
    ]
    static let domains = [
        "gmail.com", "outlook.com", "yahoo.co.uk", "web.de", "orange.fr", "icloud.com", "proton.me",
        "nhs.net", "example.org", "mail.example-bank.com", "btinternet.com", "gmx.de",
    ]

    mutating func email() -> String {
        let first = rng.pick(Self.firstNames)
        let last = rng.pick(["smith", "garcia", "muller", "dubois", "nowak", "obrien", "khan", "rossi", "lee"])
        let local: String
        switch rng.int(0...4) {
        case 0: local = "\(first).\(last)"
        case 1: local = "\(first)\(rng.int(1...99))"
        case 2: local = "\(first)_\(last)\(rng.int(70...99))"
        case 3: local = "\(first.prefix(1))\(last)+support"
        default: local = "\(last).\(first)"
        }
        return local + "@" + rng.pick(Self.domains)
    }

    mutating func url() -> String {
        let host = rng.pick([
            "example.com", "my-bank.example.co.uk", "portal.insurer.example", "www.example.org", "files.example.net",
            "drive.example.com", "t.co", "docs.example.fr",
        ])
        let path = rng.pick([
            "", "/account", "/claims/\(rng.int(1000...99999))", "/share?id=\(rng.int(100_000...999_999))",
            "/u/\(rng.pick(Self.firstNames))/profile", "/reset-password?token=ab\(rng.int(1000...9999))cd",
            "/docs/statement.pdf", "/index.html#top",
        ])
        switch rng.int(0...3) {
        case 0: return "http://" + host + path
        case 1: return "www." + (host.hasPrefix("www.") ? String(host.dropFirst(4)) : host) + path
        default: return "https://" + host + path
        }
    }

    mutating func ipAddress() -> String {
        switch rng.int(0...5) {
        case 0, 1, 2:
            return "\(rng.int(1...223)).\(rng.int(0...255)).\(rng.int(0...255)).\(rng.int(1...254))"
        case 3:
            return (0..<8).map { _ in hex(rng.int(0...0xFFFF)) }.joined(separator: ":")
        case 4:
            return "2001:db8::\(hex(rng.int(1...0xFFFF))):\(hex(rng.int(1...0xFFFF)))"
        default:
            return "::ffff:\(rng.int(1...223)).\(rng.int(0...255)).\(rng.int(0...255)).\(rng.int(1...254))"
        }
    }

    private func hex(_ value: Int) -> String { String(value, radix: 16) }

    mutating func wallet() -> String {
        let program = (0..<32).map { _ in UInt8(rng.int(0...255)) }
        switch rng.int(0...3) {
        case 0: return AddressEncoding.base58Check(version: 0, payload: Array(program.prefix(20)))
        case 1: return AddressEncoding.base58Check(version: 5, payload: Array(program.prefix(20)))
        case 2: return AddressEncoding.segwit(version: 0, program: Array(program.prefix(20)))
        default: return AddressEncoding.segwit(version: 1, program: program)
        }
    }
}

