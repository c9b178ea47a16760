/// Common family names across the same origins as `GivenNames`, lowercase.
/// Surnames that are also ordinary nouns or place words ("Hall", "Church",
/// "Park", "Day", "Green", "Hill") are left out: after "Grace" or "Victoria" they
/// would make "Grace Church" and "Victoria Park" people.
///
/// A known surname closing a capitalised pair is evidence of a name when the
/// first word is not a known given name ("Grace Papadopoulos", "Nguyễn Okafor").
enum Surnames {
    static let all: [String] = english + irishScottish + germanic + romance + slavic + otherEuropean + asian + african

    private static let english: [String] = [
        "smith", "jones", "williams", "brown", "taylor", "davies", "davis", "evans", "wilson", "thomas", "johnson",
        "roberts", "robinson", "thompson", "wright", "walker", "white", "edwards", "hughes", "lewis", "harris",
        "clarke", "clark", "jackson", "turner", "martin", "cooper", "ward", "morris", "moore", "baker", "harrison",
        "morgan", "allen", "scott", "phillips", "watson", "parker", "price", "bennett", "griffiths", "mitchell",
        "cook", "carter", "richardson", "bailey", "collins", "bell", "shaw", "miller", "cox", "richards",
        "marshall", "anderson", "simpson", "ellis", "adams", "wilkinson", "foster", "chapman", "powell", "webb",
        "rogers", "gray", "grey", "mason", "hunt", "campbell", "matthews", "owen", "palmer", "holmes", "mills",
        "barnes", "knight", "lloyd", "butler", "russell", "barker", "fisher", "stevens", "jenkins", "dixon",
        "harvey", "graham", "pearson", "fletcher", "gibson", "howard", "andrews", "stewart", "elliott",
        "reynolds", "saunders", "payne", "ford", "pearce", "brooks", "lawrence", "atkinson", "bradley", "spencer",
        "dawson", "burton", "watts", "booth", "perry", "wells", "armstrong", "francis", "rees", "hayes", "hart",
        "hudson", "newman", "barrett", "webster", "gregory", "carr", "lowe", "riley", "dunn", "parsons", "berry",
        "reid", "holland", "hawkins", "harding", "porter", "robertson", "newton", "kennedy", "williamson",
        "gardner", "henderson", "parry", "burgess", "bishop", "walton", "burns", "nicholson", "shepherd", "ross",
        "freeman", "warren", "nicholls", "hamilton", "sutton", "yates", "hodgson", "robson", "curtis", "hopkins",
        "thornton", "wallace", "ferguson", "sullivan", "bryant", "hawthorne", "jefferson", "washington",
    ]

    private static let irishScottish: [String] = [
        "o'connor", "o'brien", "o'neill", "o'sullivan", "o'reilly", "o'donnell", "o'shea", "murphy", "kelly",
        "byrne", "ryan", "walsh", "doyle", "mccarthy", "gallagher", "doherty", "lynch", "murray", "quinn",
        "mclaughlin", "macdonald", "mcdonald", "mackenzie", "mckenzie", "maclean", "macleod", "mcleod",
        "mackay", "fraser", "sinclair", "mcgregor", "macgregor", "kavanagh", "brennan", "fitzgerald", "nolan",
    ]

    private static let germanic: [String] = [
        "müller", "mueller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker", "schulz",
        "hoffmann", "schäfer", "koch", "bauer", "richter", "klein", "schröder", "neumann", "schwarz",
        "zimmermann", "braun", "krüger", "hofmann", "hartmann", "lange", "schmitt", "krause", "meier", "lehmann",
        "schmid", "schulze", "maier", "köhler", "herrmann", "könig", "mayer", "huber", "kaiser", "fuchs",
        "scholz", "möller", "weiß", "hahn", "vogel", "keller", "günther", "berger", "winkler", "baumann",
        "franke", "albrecht", "schuster", "ludwig", "böhm", "schumacher", "krämer", "vogt", "jäger", "seidel",
        "brandt", "haas", "schreiber", "dietrich", "ziegler", "kuhn", "pohl", "engel", "bergmann", "voigt",
        "jansen", "vries", "bakker", "visser", "smit", "meijer", "mulder", "dekker", "brouwer", "dijkstra",
        "berg", "johansson", "andersson", "karlsson", "nilsson", "eriksson", "larsson", "olsson", "persson",
        "svensson", "gustafsson", "pettersson", "jonsson", "hansen", "johansen", "olsen", "larsen", "andersen",
        "pedersen", "nielsen", "kristiansen", "jensen", "karlsen", "korhonen", "virtanen", "nieminen",
    ]

    private static let romance: [String] = [
        "bernard", "dubois", "durand", "leroy", "moreau", "laurent", "lefebvre", "lefèvre", "bertrand", "roux",
        "fournier", "morel", "girard", "mercier", "dupont", "lambert", "bonnet", "legrand", "garnier", "faure",
        "rousseau", "guerin", "guérin", "perrin", "morin", "gauthier", "dumont", "fontaine", "chevalier",
        "masson", "boyer", "lemaire", "duval", "marchand", "dufour", "blanchard", "barbier", "brunet", "leroux",
        "renard", "caron", "aubert", "giraud", "leclerc", "bourgeois", "lemoine", "picard", "lacroix", "dupuis",
        "garcía", "garcia", "rodríguez", "rodriguez", "gonzález", "gonzalez", "fernández", "fernandez", "lópez",
        "lopez", "martínez", "martinez", "sánchez", "sanchez", "pérez", "perez", "gómez", "gomez", "jiménez",
        "jimenez", "ruiz", "hernández", "hernandez", "díaz", "diaz", "moreno", "muñoz", "munoz", "álvarez",
        "alvarez", "romero", "alonso", "gutiérrez", "gutierrez", "navarro", "torres", "domínguez", "dominguez",
        "vázquez", "vazquez", "ramos", "ramírez", "ramirez", "serrano", "molina", "morales", "suárez", "suarez",
        "ortega", "delgado", "castro", "ortiz", "rubio", "núñez", "nunez", "medina", "garrido", "castillo",
        "santos", "guerrero", "cruz", "flores", "herrera", "cabrera", "vargas", "silva", "sousa", "ferreira",
        "pereira", "oliveira", "costa", "rodrigues", "martins", "gomes", "lopes", "marques", "alves", "almeida",
        "ribeiro", "pinto", "carvalho", "teixeira", "moreira", "correia", "mendes", "nunes", "soares", "vieira",
        "rossi", "russo", "ferrari", "esposito", "bianchi", "romano", "colombo", "ricci", "marino", "greco",
        "gallo", "conti", "mancini", "giordano", "rizzo", "lombardi", "moretti", "barbieri", "santoro",
        "mariani", "rinaldi", "caruso", "ferrara", "galli", "leone", "gentile", "martinelli", "vitale",
        "coppola", "marchetti", "parisi", "ferraro", "fabbri", "marini", "pellegrini", "benedetti", "bellini",
    ]

    private static let slavic: [String] = [
        "nowak", "kowalski", "kowalska", "wiśniewski", "wisniewski", "wójcik", "wojcik", "kowalczyk", "kamiński",
        "kaminski", "lewandowski", "zieliński", "zielinski", "szymański", "szymanski", "woźniak", "wozniak",
        "dąbrowski", "dabrowski", "kozłowski", "kozlowski", "jankowski", "mazur", "kwiatkowski", "krawczyk",
        "kaczmarek", "piotrowski", "grabowski", "nowakowski", "michalski", "nowicki", "adamczyk", "dudek",
        "wieczorek", "majewski", "olszewski", "jaworski", "malinowski", "pawlak", "sikora", "novák", "svoboda",
        "novotný", "dvořák", "dvorak", "černý", "procházka", "kučera", "ivanov", "smirnov", "kuznetsov", "popov",
        "petrov", "sokolov", "volkov", "morozov", "novikov", "pavlov", "kozlov", "orlov", "romanov", "ivanova",
        "petrova", "smirnova", "kovalenko", "shevchenko", "bondarenko", "tkachenko", "horvat", "kovač", "kovac",
    ]

    private static let otherEuropean: [String] = [
        "papadopoulos", "papadakis", "georgiou", "nikolaidis", "pappas", "yilmaz", "yılmaz", "kaya", "demir",
        "şahin", "sahin", "çelik", "celik", "yıldız", "yildiz", "öztürk", "ozturk", "aydın", "aydin", "arslan",
        "doğan", "dogan", "haddad", "khoury", "nasser", "mansour", "saleh", "abdullah", "hussein", "hassan",
        "ibrahim", "rahman", "karimi", "hosseini", "ahmadi", "rezaei", "mohammadi",
    ]

    private static let asian: [String] = [
        "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "zhou", "xu", "zhu", "guo", "lin", "luo", "zheng",
        "tanaka", "sato", "suzuki", "takahashi", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi", "kato",
        "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "hayashi", "shimizu", "kim",
        "choi", "jung", "kang", "cho", "yoon", "jang", "nguyen", "nguyễn", "tran", "trần", "pham", "phạm",
        "hoang", "hoàng", "phan", "vu", "dang", "bui", "patel", "shah", "singh", "kaur", "kumar", "sharma",
        "gupta", "khan", "ahmed", "hussain", "begum", "chowdhury", "mehta", "joshi", "iyer", "reddy", "rao",
        "nair", "menon", "pillai", "chopra", "kapoor", "malhotra", "verma", "mishra", "yadav", "banerjee",
        "chatterjee", "mukherjee", "ghosh", "dutta", "siddiqui", "qureshi", "chaudhry", "malik", "iqbal",
    ]

    private static let african: [String] = [
        "okafor", "okeke", "okonkwo", "adeyemi", "adebayo", "ogunleye", "olawale", "eze", "nwosu", "obi",
        "mensah", "owusu", "boateng", "asante", "osei", "appiah", "darko", "mwangi", "otieno", "kamau",
        "odhiambo", "ndlovu", "dlamini", "nkosi", "khumalo", "mokoena", "diallo", "traoré", "traore", "diop",
        "ndiaye", "keita", "bekele", "okoro", "ibekwe", "afolabi", "balogun", "oyelaran", "achebe",
    ]
}
