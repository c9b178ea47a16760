/// Dates, postcodes, street addresses and names.
extension ValueFactory {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// A date in one of the common formats; `years` chooses birth or recent dates.
    mutating func date(years: ClosedRange<Int>) -> String {
        let year = rng.int(years)
        let month = rng.int(1...12)
        let day = rng.int(1...28)
        let dd = Self.text(Self.pad(day, 2))
        let mm = Self.text(Self.pad(month, 2))
        let name = Self.monthNames[month - 1]
        switch rng.int(0...8) {
        case 0: return "\(dd)/\(mm)/\(year)"
        case 1: return "\(mm)/\(dd)/\(year)"
        case 2: return "\(year)-\(mm)-\(dd)"
        case 3: return "\(dd).\(mm).\(year)"
        case 4: return "\(day) \(name) \(year)"
        case 5: return "\(name) \(day), \(year)"
        case 6: return "\(day)\(Self.ordinal(day)) \(name) \(year)"
        case 7: return "\(day)\(Self.ordinal(day)) of \(name) \(year)"
        default: return "\(day) \(name.prefix(3)) \(year)"
        }
    }

    static func ordinal(_ day: Int) -> String {
        switch day {
        case 1, 21, 31: return "st"
        case 2, 22: return "nd"
        case 3, 23: return "rd"
        default: return "th"
        }
    }

    mutating func dateOfBirth() -> String { date(years: 1935...2006) }

    mutating func ukPostcode() -> String {
        let firsts = Array("ABCDEFGHIJKLMNOPRSTUWYZ")
        let seconds = Array("ABCDEFGHKLMNOPQRSTUVWXY")
        let inward = Array("ABDEFGHJLNPQRSTUWXYZ")
        let outward: String
        switch rng.int(0...5) {
        case 0: outward = "\(rng.pick(firsts))\(rng.int(1...9))"
        case 1: outward = "\(rng.pick(firsts))\(rng.int(10...99))"
        case 2: outward = "\(rng.pick(firsts))\(rng.pick(seconds))\(rng.int(1...9))"
        case 3: outward = "\(rng.pick(firsts))\(rng.pick(seconds))\(rng.int(10...99))"
        case 4: outward = "\(rng.pick(Array("EWN")))\(rng.int(1...9))\(rng.pick(Array("ABCDEFGHJKPSTUW")))"
        default: outward = "SW1A"
        }
        return "\(outward) \(rng.int(0...9))\(rng.pick(inward))\(rng.pick(inward))"
    }

    static let usCities = [
        ("Austin", "TX"), ("Springfield", "IL"), ("Portland", "OR"), ("Boston", "MA"), ("Denver", "CO"),
        ("Miami", "FL"), ("Seattle", "WA"), ("Columbus", "OH"), ("Albany", "NY"), ("Phoenix", "AZ"),
    ]

    mutating func zip() -> String {
        let base = Self.text(Self.pad(rng.int(1001...99950), 5))
        return rng.chance(0.2) ? base + "-" + Self.text(Self.pad(rng.int(1...9999), 4)) : base
    }

    static let streetNames = [
        "High", "Church", "Station", "Victoria", "Green", "Manor", "Oak", "Maple", "Elm", "Baker", "King",
        "Queen", "Mill", "Pennsylvania", "Sunset", "Lake", "Cedar", "Willow", "Albert", "Park", "Old School",
        "St John's", "Castle", "Orchard", "Meadow View",
    ]
    static let streetTypes = [
        "Street", "Road", "Avenue", "Lane", "Drive", "Close", "Way", "Place", "Court", "Crescent", "Terrace",
        "Grove", "Gardens", "St", "Rd", "Ave", "Boulevard", "Square", "Mews",
    ]

    mutating func streetAddress() -> String {
        switch rng.int(0...9) {
        case 0:
            return "\(rng.int(1...180)) rue \(rng.pick(["de la Paix", "Victor Hugo", "des Lilas", "du Commerce", "Saint-Honoré"]))"
        case 1:
            return "\(rng.pick(["Hauptstraße", "Bahnhofstraße", "Lindenweg", "Goethestraße", "Schillerplatz"])) \(rng.int(1...120))"
        default:
            let number = rng.chance(0.1) ? "\(rng.int(1...300))\(rng.pick(["a", "B"]))" : "\(rng.int(1...2400))"
            return "\(number) \(rng.pick(Self.streetNames)) \(rng.pick(Self.streetTypes))"
        }
    }

    static let givenNames = [
        "Anna", "José", "Zoë", "Łukasz", "Søren", "François", "Siobhán", "Chloé", "Björn", "Ana-María", "Mohammed",
        "Aoife", "Priya", "Wei", "Olamide", "Kateřina", "Emily", "David", "Sarah", "Michael", "Fatima", "Jean-Luc",
        "Nguyễn", "Hiroshi", "Leila", "Tomasz", "Ingrid", "Rafael", "Grace", "Jose\u{301}",
    ]
    static let familyNames = [
        "Smith", "García", "Müller", "Dubois", "O'Connor", "Nowak", "Kowalski", "van der Berg", "de la Cruz",
        "Schmidt", "Rossi", "Papadopoulos", "Okafor", "Tanaka", "Johansson", "Brontë", "Ní Bhriain", "Jones",
        "Patel", "Williams", "Nguyen", "Fernández", "Lefèvre", "Kim", "MacDonald",
    ]

    mutating func personName() -> String {
        switch rng.int(0...9) {
        case 0: return rng.pick(Self.givenNames)
        case 1: return "\(rng.pick(["Mr", "Mrs", "Ms", "Dr"])) \(rng.pick(Self.familyNames))"
        default: return "\(rng.pick(Self.givenNames)) \(rng.pick(Self.familyNames))"
        }
    }
}
