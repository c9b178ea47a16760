/// The parts inside a postal address that no detector finds on its own: a
/// flat, unit or box, a floor and door, a district, a province code in
/// parentheses, a house number between the street and the rest.
extension AddressAssembler {
    /// Words that name a flat, unit, floor, door or box inside an address
    /// ("Apt 2B", "Suite 400", "int. 5", "bus 4", "boîte 3", "lgh 1102", "m. 5").
    static let unitWords = ByteWordSet([
        "apt", "apartment", "unit", "flat", "suite", "ste", "floor", "fl", "room", "rm", "bldg", "block", "blk",
        "piso", "dpto", "depto", "lok", "wohnung", "whg", "etage", "appartement", "apto", "lgh", "int", "interno",
        "scala", "sc", "bus", "boîte", "bte", "bloco", "bl", "daire", "kat", "puerta", "pta", "esc", "escalera",
        "planta", "tür", "top", "stiege", "door", "level", "lvl", "m", "plot", "no", "nr", "casa", "andar", "sala",
        "box", "po", "bg", "rez",
    ])

    /// The end of a unit designator and its number at `position` ("Apt 2B",
    /// "Suite 400", "Flat 3", "Unit #5", "#08-221", "int. 5", "m. 5"), or nil.
    static func unitDesignatorEnd(at position: Int, in input: ScanInput) -> Int? {
        if input.byte(at: position) == 0x23 {
            // Only the "#08-221" shape: "#" and digits alone is an order number a keep rule protects.
            var cursor = position + 1
            while input.byte(at: cursor).isASCIIDigit, cursor - position <= 3 { cursor += 1 }
            guard cursor > position + 1, input.byte(at: cursor) == 0x2D, input.byte(at: cursor + 1).isASCIIDigit else { return nil }
            return unitNumberEnd(at: position + 1, in: input)
        }
        guard StreetWord.isLetterByte(input.byte(at: position)), input.isWordStart(position),
              let wordEnd = StreetWord.end(input, from: position), unitWords.contains(input, position, wordEnd)
        else { return nil }
        var cursor = wordEnd
        if input.byte(at: cursor) == 0x2E {
            cursor += 1
        } else if wordEnd - position == 1 {
            return nil  // "m. 5", never the "m" of "I'm at"
        }
        if input.byte(at: cursor) == 0x3A { cursor += 1 }  // "No: 123"
        guard input.byte(at: cursor) == 0x20 else { return nil }
        cursor += 1
        if input.byte(at: cursor) == 0x23 { cursor += 1 }  // #
        return unitNumberEnd(at: cursor, in: input)
    }

    /// "2B", "400", "08-221", "4/27", "B": a unit's number (letters only when short).
    static func unitNumberEnd(at start: Int, in input: ScanInput) -> Int? {
        var cursor = start
        while input.byte(at: cursor).isASCIIAlnum, cursor - start < 6 { cursor += 1 }
        guard cursor > start,
              input.byte(at: start).isASCIIDigit || (cursor - start <= 2 && input.byte(at: start).isASCIIUpper)
        else { return nil }
        while input.byte(at: cursor) == 0x2D || input.byte(at: cursor) == 0x2F, input.byte(at: cursor + 1).isASCIIDigit {
            cursor += 1
            let partStart = cursor
            while input.byte(at: cursor).isASCIIAlnum, cursor - partStart < 5 { cursor += 1 }
        }
        return input.byte(at: cursor).isASCIIAlnum ? nil : cursor
    }

    /// "3º B", "2º Esq.", "1ª", "4° Dto": a floor and optional door (Spanish, Portuguese), or nil.
    static func floorDesignatorEnd(at position: Int, limit: Int, in input: ScanInput) -> Int? {
        guard input.byte(at: position).isASCIIDigit, input.isWordStart(position) else { return nil }
        var cursor = position
        while input.byte(at: cursor).isASCIIDigit, cursor - position < 2 { cursor += 1 }
        // º U+00BA, ª U+00AA, ° U+00B0
        guard input.byte(at: cursor) == 0xC2, [0xBA, 0xAA, 0xB0].contains(input.byte(at: cursor + 1)) else { return nil }
        cursor += 2
        if input.byte(at: cursor) == 0x20, StreetWord.isLetterByte(input.byte(at: cursor + 1)),
           let wordEnd = StreetWord.end(input, from: cursor + 1), wordEnd - cursor - 1 <= 4, wordEnd <= limit
        {
            cursor = wordEnd
            if input.byte(at: cursor) == 0x2E { cursor += 1 }
        }
        return cursor
    }

    /// Words that introduce a district inside an address ("Col. Roma Norte",
    /// "Bairro Boa Vista", "Urb. Los Álamos").
    static let districtWords = ByteWordSet([
        "col", "colonia", "bairro", "barrio", "fracc", "fraccionamiento", "urb", "urbanización", "sector", "os",
        "osiedle", "mahallesi", "mah",
    ])

    /// The end of a district word and the one to three capitalised words of its name, or nil.
    static func districtEnd(at position: Int, in input: ScanInput) -> Int? {
        guard StreetWord.isLetterByte(input.byte(at: position)), input.isWordStart(position),
              let wordEnd = StreetWord.end(input, from: position), districtWords.contains(input, position, wordEnd)
        else { return nil }
        var cursor = wordEnd
        if input.byte(at: cursor) == 0x2E { cursor += 1 }
        var end: Int?
        for _ in 0..<3 {
            guard input.byte(at: cursor) == 0x20, StreetWord.isCapitalised(input, cursor + 1),
                  let nameEnd = StreetWord.end(input, from: cursor + 1)
            else { break }
            cursor = nameEnd
            end = nameEnd
        }
        return end
    }

    /// "(MI)", "(SP)": a province code in parentheses, or nil.
    static func bracketedCodeEnd(at position: Int, in input: ScanInput) -> Int? {
        guard input.byte(at: position) == 0x28, input.byte(at: position + 1).isASCIIUpper,
              input.byte(at: position + 2).isASCIIUpper
        else { return nil }
        if input.byte(at: position + 3) == 0x29 { return position + 4 }
        return input.byte(at: position + 3).isASCIIUpper && input.byte(at: position + 4) == 0x29 ? position + 5 : nil
    }

    /// "595", "12B", "1200": a house number standing alone between a street and
    /// the rest of its address ("Rua Haddock Lobo, 595, apto 42"), or nil.
    static func houseNumberEnd(at position: Int, in input: ScanInput) -> Int? {
        guard input.byte(at: position).isASCIIDigit, input.isWordStart(position) else { return nil }
        var cursor = position
        while input.byte(at: cursor).isASCIIDigit, cursor - position < 5 { cursor += 1 }
        guard cursor - position <= 4 else { return nil }
        if input.byte(at: cursor).isASCIILetter, !input.byte(at: cursor + 1).isASCIIAlnum { cursor += 1 }
        return input.byte(at: cursor).isASCIIAlnum ? nil : cursor
    }
}
