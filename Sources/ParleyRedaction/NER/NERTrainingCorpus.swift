/// Generates the tagger's training sentences from templates and the shipped
/// lists: names of every origin the lists hold, places, street names, and
/// sentences full of capitalised words that are neither (products, plans,
/// companies, months, interface labels), so precision is learnt too.
/// Deterministic for a seed. None of the evaluation corpora is used.
struct NERTrainingCorpus {
    var random: SeededRandom
    let given: [String]
    let surnames: [String]
    let places: [String]
    let words: [String]
    /// The share of sentences drawn from `hardNegative()` (0: none, and the
    /// random stream is the one the corpus had before they existed).
    let hardNegativeShare: Double

    init(seed: UInt64, hardNegativeShare: Double = 0) {
        random = SeededRandom(seed: seed)
        self.hardNegativeShare = hardNegativeShare
        given = Self.entries(.givenNames)
        surnames = Self.entries(.surnames)
        places = Self.entries(.places)
        words = Self.entries(.commonWords)
    }

    private static func entries(_ list: ShippedData.List) -> [String] {
        ShippedData.strings(list).filter { $0.unicodeScalars.count >= 2 }
    }

    mutating func generate(count: Int) -> [NERTrainer.Sentence] {
        (0..<count).map { _ in sentence() }
    }

    // MARK: values

    private static let lowercaseParticles: Set<String> = [
        "de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "ter", "du", "la", "le",
        "sur", "upon", "on", "am", "im", "en", "y", "e", "of", "al", "el",
    ]

    /// "new york" → "New York", "o'brien" → "O'Brien", "rio de janeiro" → "Rio de Janeiro".
    static func capitalised(_ value: String) -> String {
        var result = ""
        var upperNext = true
        var word = ""
        func flush() {
            if Self.lowercaseParticles.contains(word), !result.isEmpty { result += word } else {
                var capitalisedWord = ""
                var first = true
                for character in word {
                    if first || upperNext { capitalisedWord += character.uppercased() } else { capitalisedWord.append(character) }
                    first = false
                    upperNext = character == "-" || character == "'"
                }
                result += capitalisedWord
            }
            word = ""
            upperNext = true
        }
        for character in value {
            if character == " " {
                flush()
                result += " "
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }

    mutating func givenName() -> String { Self.capitalised(random.pick(given)) }
    mutating func surname() -> String { Self.capitalised(random.pick(surnames)) }
    mutating func place() -> String {
        random.unit() < 0.15 ? random.pick(Self.countriesAndRegions) : Self.capitalised(random.pick(places))
    }

    /// A postcode-like code: "E7 8HH", "10115", "75002", "1012 AB", "00-950".
    private mutating func postcode() -> String {
        let letters = Array("ABCDEFGHJKLMNPRSTUWXY")
        func letter() -> String { String(letters[random.below(letters.count)]) }
        func digits(_ count: Int) -> String { (0..<count).map { _ in String(random.below(10)) }.joined() }
        switch random.below(5) {
        case 0: return letter() + digits(1) + " " + digits(1) + letter() + letter()
        case 1: return letter() + letter() + digits(2) + " " + digits(1) + letter() + letter()
        case 2: return digits(5)
        case 3: return digits(4) + " " + letter() + letter()
        default: return digits(2) + "-" + digits(3)
        }
    }

    private mutating func person() -> String {
        let roll = random.unit()
        if roll < 0.6 { return givenName() + " " + surname() }
        if roll < 0.72 { return givenName() }
        if roll < 0.8 { return givenName() + " " + givenName() + " " + surname() }
        if roll < 0.86 { return givenName() + " " + surname() + "-" + surname() }
        if roll < 0.92 { return givenName() + " " + random.pick(["de", "van", "van der", "da", "di", "von", "dos"]) + " " + surname() }
        return String(givenName().prefix(1)) + ". " + surname()
    }

    static let countriesAndRegions = [
        "France", "Germany", "Spain", "Italy", "Portugal", "Poland", "Brazil", "Mexico", "India", "China", "Japan",
        "Nigeria", "Kenya", "Canada", "Australia", "Ireland", "Scotland", "Wales", "England", "Texas", "California",
        "Bavaria", "Catalonia", "Ontario", "Queensland", "Lagos State", "Andalusia", "Tuscany", "Normandy",
        "Netherlands", "Belgium", "Switzerland", "Austria", "Sweden", "Norway", "Denmark", "Finland", "Turkey",
        "Egypt", "Morocco", "South Africa", "Argentina", "Colombia", "Chile", "Peru", "Vietnam", "Thailand",
        "Philippines", "Indonesia", "Pakistan", "Bangladesh", "Greece", "Romania", "Ukraine", "Yorkshire",
        "New South Wales", "British Columbia", "Quebec", "Florida", "New England", "Silesia", "Lombardy",
    ]

    private static let streetTypes = [
        "Street", "Road", "Avenue", "Lane", "Drive", "Close", "Way", "Place", "Crescent", "Boulevard", "Terrace",
        "Court", "Gardens", "Square", "Grove", "Row", "Hill", "Parade",
    ]
    private static let foreignStreetStarts = [
        "Rue", "Avenue", "Boulevard", "Calle", "Avenida", "Rua", "Via", "Viale", "Piazza", "Plaza", "Ulica", "Paseo",
        "Carrer", "Largo", "Travessa", "Chemin", "Quai",
    ]
    private static let germanicSuffixes = ["straße", "strasse", "weg", "gasse", "platz", "allee", "straat", "laan", "gracht", "gatan", "vej", "vägen"]

    /// A street name ("Baker Street", "Rue de la Paix", "Lindenstraße") as the
    /// tagger's LOCATION; the house number is the pattern detectors' business.
    private mutating func street() -> String {
        let roll = random.unit()
        if roll < 0.55 { return surname() + " " + random.pick(Self.streetTypes) }
        if roll < 0.8 {
            let particle = random.pick(["de la ", "du ", "de ", "dos ", "del ", "", "", "di "])
            return random.pick(Self.foreignStreetStarts) + " " + particle + surname()
        }
        return surname() + random.pick(Self.germanicSuffixes)
    }

    private static let products = [
        "iPhone", "Galaxy S23", "Pixel", "Kindle", "PlayStation", "Xbox", "MacBook Air", "ThinkPad", "Echo Dot",
        "Fire Stick", "Smart Hub", "Fibre Max", "Premium Plan", "Gold Account", "Platinum Card", "Basic Plan",
        "Family Bundle", "Unlimited Plus", "Travel Insurance", "Home Cover", "Saver Account", "Super Saver",
        "Standard Delivery", "Next Day Delivery", "Click and Collect", "Gift Card", "Rewards Club", "Prime",
        "Netflix", "Spotify", "Office 365", "Windows", "Android", "Chrome", "Outlook", "Excel", "Teams", "Zoom",
        "WhatsApp", "Instagram", "Facebook", "Apple Pay", "Google Pay", "PayPal", "Visa", "Mastercard", "Amex",
        "Maestro", "Wi-Fi", "Bluetooth", "USB-C", "HDMI", "Face ID", "Touch ID", "Air Fryer", "Dyson V11",
        "Nest Thermostat", "Ring Doorbell", "Sky Q", "Virgin Media", "Vodafone", "Orange", "Jaguar", "Mercedes",
        "Toyota Corolla", "Ford Focus", "Tesla Model 3", "Aurora", "Orion", "Phoenix", "Atlas", "Titan",
    ]
    private static let organisations = [
        "Acme Bank", "Northwind Insurance", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella Corp",
        "Customer Service", "Customer Support", "Billing Team", "Technical Support", "Fraud Team", "Head Office",
        "Help Centre", "Help Center", "Returns Department", "Claims Team", "Loyalty Team", "Sales", "IT Support",
        "Royal Mail", "DHL", "FedEx", "UPS", "Amazon", "Apple", "Google", "Microsoft", "Samsung", "Sony", "Tesco",
        "Walmart", "Target", "IKEA", "Barclays", "HSBC", "Santander", "ING", "Allianz", "AXA", "NHS", "HMRC", "IRS",
    ]
    private static let labels = [
        "Order Status", "Account Overview", "My Account", "Settings", "Privacy Settings", "Payment Methods",
        "Direct Debit", "Standing Order", "Terms and Conditions", "Privacy Policy", "Black Friday", "Cyber Monday",
        "Prime Day", "Boxing Day", "Christmas", "Easter", "New Year", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "URGENT", "Refund Request", "Complaint", "Thank You",
        "Please Help", "Reference", "Invoice", "Receipt", "Tracking Number", "Error Code", "Two-Factor Authentication",
    ]

    // MARK: templates

    /// `{P}` a person, `{G}` a given name, `{S}` a surname after a title, `{L}` a
    /// place, `{T}` a street, `{X}` a product, `{O}` an organisation, `{B}` a label,
    /// `{W}` an ordinary word, capitalised (a heading, a sentence's first word).
    private static let positive = [
        "Hi, my name is {P} and I need help with my order.", "This is {P}, I called yesterday about a refund.",
        "{P} called yesterday about the invoice.", "Please ask {G} to call me back.", "I spoke to {P} on the phone.",
        "Dear {P},", "Thanks {G}!", "Cheers, {G}", "Kind regards,\n{P}", "Best wishes, {P}", "Regards {P}",
        "My wife {G} will pick it up.", "My husband {P} is the account holder.", "The account holder is {P}.",
        "Account holder: {P}", "Name: {P}", "Patient: {P}", "{P} here, is my parcel on its way?",
        "Can {G} use my card?", "I am writing on behalf of {P}.", "{G} said the refund was approved.",
        "Your colleague {P} promised a callback.", "Is {G} available today?", "Could you transfer me to {P}?",
        "{P} from the billing team emailed me.", "I'm {G} and I live in {L}.", "My son {G} ordered it by mistake.",
        "My daughter {P} needs access to the account.", "Please cancel the subscription for {P}.",
        "The parcel was signed for by {P}.", "{P} and {P} both have cards on this account.",
        "Send it to {P} at the same address.", "Mr {S} never received the letter.", "Mrs {S} asked for a refund.",
        "Dr {S} referred me.", "Ms {S} is my carer.", "Prof. {S} wrote the letter.", "{G}'s card was declined.",
        "Is this {G}?", "Hello {G}, thanks for waiting.", "Good morning {P}.", "{P}, {P} and {G} were on the call.",
        "Ask for {P} in {L}.", "I used to live in {L} but moved to {L}.", "I live in {L}.", "We are based in {L}.",
        "The package is stuck in {L}.", "It was shipped from {L} to {L}.", "My flight to {L} was cancelled.",
        "I'm travelling to {L} next week.", "Is there a branch in {L}?", "The {L} branch closed my account.",
        "Delivery to {L}, please.", "I was born in {L}.", "We moved from {L} last year.", "Our office in {L} is open.",
        "The card was used in {L} without my permission.", "Someone in {L} logged into my account.",
        "My address is {T}, {L}.", "I live on {T} in {L}.", "Deliver to {T}, {L}, {L}.", "It went to {T} instead.",
        "The store on {T} was closed.", "{L}, {L}", "Location: {L}", "City: {L}", "Country: {L}",
        "I'm from {L} originally.", "Do you deliver to {L}?", "Shipping to {L} takes how long?",
        "{P} ({L}) asked about the claim.", "{P} lives in {L}.", "My mum {G} in {L} needs help.",
        "Hola, soy {P} de {L}.", "Bonjour, je m'appelle {P} et j'habite à {L}.", "Hallo, ich bin {P} aus {L}.",
        "Ciao, sono {P} e vivo a {L}.", "Olá, sou {P} e moro em {L}.", "Mi nombre es {P}.", "Je suis {P}.",
        "Ich heiße {P}.", "Mein Name ist {P}.", "Sono {P}.", "Meu nome é {P}.", "Nazywam się {P}.",
        "Mijn naam is {P}.", "{P} was here last week.", "Maybe {G} knows.", "Tell {G} I said thanks.",
        "{G} and I share the account.", "I gave {P} my details.", "Who is {P}?", "{P} is not authorised.",
        "We met {P} at the {L} office.", "Please update the name to {P}.", "The letter was addressed to {P}.",
        "Beneficiary: {P}", "Emergency contact: {P}", "Next of kin is {P}.", "Guardian: {P}, {L}",
        "My address is in {Z}, {L}.", "{Z} {L}", "Postcode {Z}, {L}, {L}", "It's {T}, {Z} {L}.",
        "Ship to {P}, {T}, {Z} {L}", "I'm at {Z} in {L} now.", "{G} {S} ({L}) called about {X}.",
        "Hi {G}, the {X} arrived in {L}.", "{P} bought {X} in {L}.", "Flight from {L} to {L} on Monday.",
    ]

    private static let negative = [
        "My {X} stopped working.", "I bought the {X} last week and it is broken.", "Is the {X} compatible with {X}?",
        "The {O} app keeps crashing.", "I called {O} twice already.", "{O} told me to contact you.",
        "Please check {B} in the app.", "I can't find {B} anywhere.", "{B}", "{B}: order not received",
        "Can I pay with {X}?", "Where is {B}?", "Does {X} come with a warranty?", "{X} or {X}, which is better?",
        "The {X} upgrade failed.", "I want to cancel {X}.", "I was charged twice for {X}.", "{O} charged my card.",
        "Thank you for your help.", "Please help me with my account.", "Can I change my delivery date?",
        "What are your opening hours on {B}?", "The {B} page shows an error.", "Is {X} included in {X}?",
        "Order Status: shipped", "I need a refund for {X}.", "Why was my {X} declined?", "My {X} is not charging.",
        "When will {X} be back in stock?", "The {O} website is down.", "Hello, I need help.", "Good morning.",
        "Great service, thanks!", "This is ridiculous.", "I have been waiting for two weeks.", "Any update?",
        "Where is my parcel?", "How do I reset my password?", "I can't log in.", "My card was blocked.",
        "Can you send me the invoice?", "I want to speak to a manager.", "Is this a scam?", "Not happy at all.",
        "The {X} arrived damaged.", "I ordered the {X} in blue.", "It says {B} but nothing happens.",
        "We use {X} at home.", "Does {O} deliver on {B}?", "Returns are free until {B}.",
        "{W} is not working.", "{W} {W} keeps failing.", "Subject: {W} {W}", "{W}: {W} {W} {W}",
        "{W} me please, the {W} is broken.", "{W}, {W} and {W} are missing.", "Why is {W} {W} so slow?",
        "{W} the order please.", "{W} {W}!", "Re: {W} {W} {W}", "The {W} {W} page is blank.",
        "I clicked {W} {W} but nothing happened.", "{W}? {W}.", "Can I {W} my {W}?", "{W} from {X} failed.",
    ]

    private mutating func sentence() -> NERTrainer.Sentence {
        if hardNegativeShare > 0, random.unit() < hardNegativeShare { return hardNegative() }
        let template = random.unit() < 0.6 ? random.pick(Self.positive) : random.pick(Self.negative)
        var text = ""
        var entities: [(type: PIIEntityType, start: Int, end: Int)] = []
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "{" else {
                text.append(character)
                continue
            }
            let slot = characters.next() ?? " "
            _ = characters.next()
            let start = text.utf8.count
            switch slot {
            case "P": text += person(); entities.append((.person, start, text.utf8.count))
            case "G": text += givenName(); entities.append((.person, start, text.utf8.count))
            case "S": text += surname(); entities.append((.person, start, text.utf8.count))
            case "L": text += place(); entities.append((.location, start, text.utf8.count))
            case "T": text += street(); entities.append((.location, start, text.utf8.count))
            case "X": text += random.pick(Self.products)
            case "O": text += random.pick(Self.organisations)
            case "W": text += Self.capitalised(random.pick(words))
            case "Z": text += postcode()
            default: text += random.pick(Self.labels)
            }
        }
        // Some messages are typed in lowercase or shouted; names then go unmarked in training.
        if random.unit() < 0.03 { return NERTrainer.Sentence(text: text.lowercased(), entities: []) }
        return NERTrainer.Sentence(text: text, entities: entities)
    }
}
