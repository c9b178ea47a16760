/// An RFC 8259 check of a request body before it is decoded: Foundation's
/// decoder also accepts what JSON does not (a trailing comma, duplicate keys
/// of which it silently keeps one), and two readers that disagree on a
/// document are a way to smuggle a field past one of them. Linear in the
/// body, with bounded nesting; errors name the byte offset, never the content.
struct StrictJSON {
    struct Violation: Error, Equatable, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    /// Deeper documents are refused (the API's own bodies are two levels deep).
    static let maximumDepth = 32

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Throws the first violation; returns when `bytes` is exactly one JSON value.
    static func validate(_ bytes: [UInt8]) throws(Violation) {
        var reader = StrictJSON(bytes)
        reader.skipWhitespace()
        try reader.value(depth: 1)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.violation("unexpected data after the JSON value") }
    }

    private func violation(_ reason: String) -> Violation {
        Violation(offset: index, reason: reason)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func expect(_ literal: StaticString) throws(Violation) {
        let start = index
        for expected in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
            guard current == expected else { index = start; throw violation("invalid literal") }
            index += 1
        }
    }

    private mutating func value(depth: Int) throws(Violation) {
        guard depth <= Self.maximumDepth else { throw violation("nested deeper than \(Self.maximumDepth) levels") }
        guard let byte = current else { throw violation("unexpected end of the body") }
        switch byte {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): _ = try string(collect: false)
        case UInt8(ascii: "t"): try expect("true")
        case UInt8(ascii: "f"): try expect("false")
        case UInt8(ascii: "n"): try expect("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw violation("unexpected character")
        }
    }

    private mutating func object(depth: Int) throws(Violation) {
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return }
        var keys: Set<[UInt8]> = []
        while true {
            guard current == UInt8(ascii: "\"") else {
                throw violation(current == UInt8(ascii: "}") ? "trailing comma in an object" : "expected a string key")
            }
            let keyStart = index
            let key = try string(collect: true)
            guard keys.insert(key).inserted else { index = keyStart; throw violation("duplicate key in an object") }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw violation("expected ':' after a key") }
            index += 1
            skipWhitespace()
            try value(depth: depth + 1)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1; skipWhitespace()
            case UInt8(ascii: "}"): index += 1; return
            case nil: throw violation("unexpected end of the body")
            default: throw violation("expected ',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int) throws(Violation) {
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return }
        while true {
            guard current != UInt8(ascii: "]") else { throw violation("trailing comma in an array") }
            try value(depth: depth + 1)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1; skipWhitespace()
            case UInt8(ascii: "]"): index += 1; return
            case nil: throw violation("unexpected end of the body")
            default: throw violation("expected ',' or ']'")
            }
        }
    }

    private mutating func number() throws(Violation) {
        func digits() -> Int {
            let start = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - start
        }
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else {
            guard digits() > 0 else { throw violation("invalid number") }
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw violation("invalid number") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw violation("invalid number") }
        }
    }

    /// Reads a string (the opening quote is current); returns its UTF-8 when `collect` (for keys).
    private mutating func string(collect: Bool) throws(Violation) -> [UInt8] {
        index += 1
        var text: [UInt8] = []
        while true {
            guard let byte = current else { throw violation("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return text
            case UInt8(ascii: "\\"):
                index += 1
                let scalar = try escape()
                if collect { text.append(contentsOf: String(Character(scalar)).utf8) }
            case 0x00..<0x20:
                throw violation("control character in a string")
            case 0x00..<0x80:
                if collect { text.append(byte) }
                index += 1
            default:
                let start = index
                try utf8Sequence()
                if collect { text.append(contentsOf: bytes[start..<index]) }
            }
        }
    }

    private mutating func escape() throws(Violation) -> Unicode.Scalar {
        guard let byte = current else { throw violation("unterminated string") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hex4()
            switch unit {
            case 0xD800...0xDBFF:
                guard current == UInt8(ascii: "\\") else { throw violation("unpaired surrogate escape") }
                index += 1
                guard current == UInt8(ascii: "u") else { throw violation("unpaired surrogate escape") }
                index += 1
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                else { throw violation("unpaired surrogate escape") }
                return scalar
            case 0xDC00...0xDFFF:
                throw violation("unpaired surrogate escape")
            default:
                guard let scalar = Unicode.Scalar(unit) else { throw violation("invalid escape") }
                return scalar
            }
        default:
            index -= 1
            throw violation("invalid escape")
        }
    }

    private mutating func hex4() throws(Violation) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw violation("unterminated string") }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw violation("invalid \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// One well-formed UTF-8 sequence of two to four bytes (RFC 3629: no
    /// overlong forms, no surrogates, nothing past U+10FFFF).
    private mutating func utf8Sequence() throws(Violation) {
        let lead = bytes[index]
        let length: Int
        var range: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; range = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; range = 0x80...0x9F
        case 0xF0: length = 4; range = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; range = 0x80...0x8F
        default: throw violation("invalid UTF-8")
        }
        guard index + length <= bytes.count else { throw violation("invalid UTF-8") }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard (offset == 1 ? range : 0x80...0xBF).contains(byte) else { throw violation("invalid UTF-8") }
        }
        index += length
    }
}
