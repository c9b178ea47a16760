/// Brands, shops, banks, telcos and products whose names read like a person's
/// or a place's ("Tim Hortons", "Albert Heijn", "Wells Fargo", "Samsung
/// Galaxy", "Banco Sabadell"). A name the tagger or a cue-less pattern finds
/// inside one is none; a cue ("my name is", "Mr") still names a person.
/// Written here; a one-word brand that is also in the given-name, surname,
/// place or common-word list is left out (its other reading may be PII:
/// "Dyson", "Otto", "Carrefour"), and so are those of three letters or fewer.
enum BrandNames {
    static let matcher = PhraseMatcher(all)

    /// True when a brand's name covers all of `start..<end` ("Tim" of "Tim
    /// Hortons", "Wells Fargo"); "John Lewis Carter" is a name.
    @inline(__always) static func covers(_ start: Int, _ end: Int, in input: ScanInput) -> Bool {
        guard let match = matcher.longestMatch(at: start, in: input) else { return false }
        return match.end >= end
    }

    static let all = [
        "abn amro", "adidas", "aetna", "air jordan", "airbnb", "airtel", "akbank", "albert heijn", "aldi", "alibaba",
        "aliexpress", "allianz", "allstate", "alza", "amazon fresh", "amazon prime", "american express", "amex",
        "argos", "asda", "asics", "auchan", "audi", "aviva", "banco de chile", "banco do brasil", "banco itaú",
        "banco sabadell", "banco santander", "bancolombia", "bank of america", "barclaycard", "barclays", "bbva",
        "bell canada", "ben & jerry's", "ben and jerry's", "bershka", "best buy", "biedronka", "bizum", "blokker",
        "bradesco", "bt sport", "bunnings", "bunq", "bupa", "burger king", "cadbury", "caixa econômica federal",
        "caixabank", "calvin klein", "capital one", "carlsberg", "casas bahia", "castorama", "ceneo",
        "chase sapphire", "chipotle", "cigna", "citi double cash", "citibank", "citroen", "club lloyds", "colgate",
        "comcast", "commerzbank", "conad", "coolblue", "costa coffee", "costco", "credit agricole", "credit suisse",
        "crédit agricole", "currys", "davivienda", "debenhams", "deliveroo", "deutsche bahn", "deutsche bank",
        "deutsche telekom", "deutschen bank", "digicel", "disney plus", "domino's", "doordash", "dr martens",
        "easyjet", "el corte ingles", "el corte inglés", "electrolux", "emag", "esselunga", "etisalat", "etos",
        "expedia", "fineco", "fitbit", "flipkart", "fnac", "foxtel", "franprix", "freedom mobile", "galeria",
        "garanti", "garanti bbva", "garmin", "gcash", "geico", "generali", "georgia power", "getir", "globe telecom",
        "google pay", "gopro", "grubhub", "halfords", "halkbank", "handelsbanken", "harrods", "harvey nichols",
        "hawaiian electric", "hbo max", "heineken", "hepsiburada", "hilton garden inn", "holiday inn",
        "holland casino", "home depot", "huawei", "hugo boss", "hulu", "humana", "hyundai", "ikea", "ing direct",
        "instacart", "intermarche", "intesa sanpaolo", "ipad", "iphone", "isbank", "itau", "jack daniels",
        "jaguar land rover", "john lewis", "johnnie walker", "jumia", "just eat", "kaiser permanente", "kate spade",
        "kellogg's", "klarna", "kmart", "kohl's", "konga", "krispy kreme", "kruidvat", "land rover", "lazada",
        "lenovo", "leroy merlin", "levi's", "lewiatan", "lidl", "lincoln navigator", "lloyds", "lloyds bank",
        "lufthansa", "lyft", "macbook", "macy's", "magazine luiza", "manchester united", "mapfre", "marks & spencer",
        "marks and spencer", "mazda", "mcdonald's", "mediamarkt", "medicaid", "medicare", "mercado libre",
        "mercado pago", "mercedes benz", "mercedes-benz", "michael kors", "microsoft", "migros", "moneygram",
        "monoprix", "morrisons", "motorola", "movistar", "nando's", "nationwide building society", "natwest", "nequi",
        "netflix", "nike", "nintendo switch", "nissan", "nivea", "nordea", "nordstrom rack", "nubank", "ocado",
        "one nz", "oneplus", "oppo", "optus", "ouigo", "paris baguette", "paypal", "paytm", "peugeot", "pick n pay",
        "pizza hut", "playstation", "premier inn", "primark", "proximus", "publix", "qantas", "rabobank",
        "ralph lauren", "range rover", "real madrid", "redmi note", "reebok", "remitly", "renfe", "revolut",
        "rite aid", "rogers wireless", "rohlik", "ryanair", "safaricom", "safeway", "sainsbury's", "samsung",
        "samsung galaxy", "selfridges", "sephora", "sheraton", "shopee", "skoda", "skrill", "sky mobile",
        "sky sports", "sncf", "sony", "sparkasse", "spotify", "starbucks", "subaru", "superdrug", "swedbank",
        "swiggy", "swiss army", "swisscom", "t-mobile", "taco bell", "takealot", "ted baker", "telcel", "telenor",
        "telia", "telstra", "temu", "tesco", "tesco express", "tesco extra", "tesla", "tim hortons", "tim tams",
        "tokopedia", "tommy hilfiger", "tory burch", "trader joe's", "travelodge", "trendyol", "trenitalia",
        "turkcell", "uber eats", "unicredit", "uniqlo", "vakifbank", "venmo", "verizon", "virgin atlantic",
        "virgin media", "virgin mobile", "vodacom", "vodafone", "vodafone idea", "volksbank", "volkswagen", "volvo",
        "vueling", "waitrose", "walgreens", "walmart", "washington post", "wells fargo", "wendy's", "western digital",
        "western union", "whole foods", "woolworths", "xbox", "xfinity", "xiaomi", "yapi kredi", "yemeksepeti",
        "zalando", "zelle", "ziggo", "ziraat", "zomato",
    ]
}
