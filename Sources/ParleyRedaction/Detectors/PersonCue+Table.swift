extension PersonCue {
    /// Every cue. Sign-offs are written without their comma: the separator after
    /// them is checked apart (",", a dash, or a line break).
    static let all: [PersonCue] = explicitCues + otherLanguageExplicitCues + roleCues + weakCues
        + otherLanguageWeakCues + interactionCues + relationCues + otherLanguageRelationCues + signOffCues
        + ["here", "speaking", "calling", "from"].map { PersonCue.confirmation($0) }

    /// "me llamo", "je m'appelle", "ich heiße", … : the writer's own name, outright.
    private static let otherLanguageExplicitCues: [PersonCue] = [
        "me llamo", "mi nombre es", "mi chiamo", "il mio nome è", "je m'appelle", "mon nom est", "ich heiße",
        "ich heisse", "mein name ist", "mijn naam is", "ik heet", "jag heter", "mitt namn är", "nazywam się",
        "mam na imię", "meu nome é", "o meu nome é", "benim adım",
    ].map { PersonCue.explicit($0, 0.85, lowercase: .any) }

    /// "soy", "c'est", "ik ben", "det är", … : like "I'm". German ones need a
    /// known given name, since German nouns are capitalised ("ich bin Kunde").
    private static let otherLanguageWeakCues: [PersonCue] = [
        "soy", "sono", "c'est", "je suis", "ik ben", "hier is", "det är", "jag är", "här är", "aqui é o",
        "aqui é a", "sou o", "sou a", "aqui fala", "ici",
    ].map { PersonCue.weak($0, 0.7, singleUnknownWord: true) }
        + ["ich bin", "ich bins", "hier ist", "hier spricht", "its"].map { PersonCue.weak($0, 0.7) }

    /// Relatives in the other languages the tagger reads; each needs a
    /// possessive before it ("mi hijo", "meine Tochter", "min man").
    private static let otherLanguageRelationCues: [PersonCue] = [
        // German
        "mann", "sohn", "bruder", "vater", "opa", "enkel", "freund", "onkel", "neffe", "nachbar", "schwiegersohn",
        "schwiegervater", "frau", "tochter", "schwester", "mutter", "oma", "enkelin", "partnerin", "freundin",
        "tante", "nichte", "cousine", "nachbarin", "schwiegertochter", "schwiegermutter",
        // French
        "fils", "mari", "père", "frère", "grand-père", "copain", "ami", "oncle", "neveu", "petit-fils", "conjoint",
        "compagnon", "fille", "femme", "mère", "sœur", "grand-mère", "copine", "amie", "tante", "nièce",
        "petite-fille", "compagne",
        // Spanish
        "hijo", "hija", "esposo", "esposa", "marido", "mujer", "madre", "padre", "mamá", "papá", "hermano", "hermana",
        "abuela", "abuelo", "nieto", "nieta", "novio", "novia", "tío", "tía", "sobrino", "sobrina", "pareja",
        "suegra", "suegro", "primo", "prima",
        // Italian
        "figlio", "marito", "fratello", "nonno", "nipote", "compagno", "zio", "suocero", "cugino", "fidanzato",
        "figlia", "moglie", "mamma", "sorella", "nonna", "compagna", "zia", "suocera", "cugina", "fidanzata",
        // Portuguese
        "filho", "pai", "irmão", "avô", "neto", "namorado", "tio", "sogro", "companheiro", "filha", "mãe", "irmã",
        "avó", "neta", "namorada", "tia", "sogra", "companheira",
        // Dutch
        "zoon", "dochter", "man", "vrouw", "moeder", "vader", "broer", "zus", "zuster", "vriend", "vriendin",
        "kleinzoon", "kleindochter",
        // Polish
        "córka", "żona", "mama", "matka", "siostra", "babcia", "wnuczka", "partnerka", "syn", "mąż", "brat",
        "ojciec", "dziadek", "wnuk",
        // Swedish
        "dotter", "fru", "pappa", "bror", "syster", "mormor", "farmor", "morfar", "farfar", "sambo",
    ].map { PersonCue.relation($0, needsPossessive: true) }

    /// Possessives before a relative: "my", "meine", "mi", "mia", "minha", "mijn", "moja", "min", …
    static let possessives = ByteWordSet([
        "my", "our", "his", "her", "their", "mein", "meine", "meiner", "meinen", "unser", "unsere", "mon", "ma",
        "notre", "mi", "nuestro", "nuestra", "mio", "mia", "nostro", "nostra", "meu", "minha", "nosso", "nossa",
        "mijn", "onze", "ons", "moja", "mój", "nasza", "nasz", "min", "mitt", "vår",
    ])
    /// Words that may stand between a possessive and a relative ("my late husband").
    static let relationAdjectives = ByteWordSet([
        "late", "elder", "older", "eldest", "younger", "youngest", "little", "big", "dear", "beloved", "baby",
    ])

    private static let explicitCues: [PersonCue] = [
        .explicit("my name is", 0.85, lowercase: .any),
        .explicit("my name's", 0.85, lowercase: .any),
        .explicit("my full name is", 0.85, lowercase: .any),
        .explicit("name:", 0.85, lowercase: .any),
        .explicit("i am called", 0.85, lowercase: .any),
        .explicit("i'm called", 0.85, lowercase: .any),
        .explicit("call me", 0.8, lowercase: .known),
        .explicit("calls me", 0.8, lowercase: .known),
        .explicit("i go by", 0.8, lowercase: .known),
        .explicit("goes by", 0.8, lowercase: .known),
        .explicit("known as", 0.75, lowercase: .known),
        .explicit("name is", 0.7),
        .explicit("name's", 0.7),
        .explicit("name -", 0.8),
        .explicit("in the name of", 0.8),
        .explicit("under the name", 0.8),
        .explicit("under the name of", 0.8),
    ]

    /// People by their role in a record; with "is" or ":" after them they name
    /// the person outright.
    private static let roleCues: [PersonCue] = [
        "account holder", "card holder", "cardholder", "policy holder", "policyholder", "holder", "account owner",
        "policy owner", "owner", "beneficiary", "payee", "recipient", "patient", "claimant", "applicant", "tenant",
        "insured", "next of kin", "emergency contact", "contact person", "customer", "member", "subscriber",
        "surname", "forename", "first name", "last name", "given name", "family name", "maiden name",
        "middle name", "addressee", "signatory", "guarantor", "executor", "passenger", "traveller", "guest",
        "employee", "student", "client",
    ].map { PersonCue.role($0) } + [PersonCue.role("name on", bridge: true)]

    private static let weakCues: [PersonCue] = [
        .weak("this is", 0.8),
        .weak("it's", 0.75),
        .weak("it is", 0.75),
        .weak("i am", 0.6, singleUnknownWord: true),
        .weak("i'm", 0.6, singleUnknownWord: true),
        .weak("speaking with", 0.6, singleUnknownWord: true),
        .weak("on behalf of", 0.6, singleUnknownWord: true),
        .weak("booked under", 0.7, singleUnknownWord: true),
        .weak("registered under", 0.7, singleUnknownWord: true),
        .weak("from:", 0.7),
        .weak("registered to", 0.7),
        .weak("addressed to", 0.7),
        .weak("made out to", 0.7),
        .weak("payable to", 0.7),
        .weak("belongs to", 0.7),
        .weak("owned by", 0.7),
        .weak("held by", 0.7),
        .weak("for the attention of", 0.7, twoWords: true),
        .weak("attn", 0.7, twoWords: true),
        .weak("c/o", 0.7, twoWords: true),
        .weak("care of", 0.7, twoWords: true),
        .weak("sent by", 0.7, twoWords: true),
        .weak("signed by", 0.7, twoWords: true),
        .weak("written by", 0.7, twoWords: true),
        .weak("booked for", 0.7),
        .weak("booking for", 0.7),
        .weak("booked in for", 0.7),
        .weak("appointment for", 0.7),
        .weak("reservation for", 0.7),
        .weak("prescription for", 0.7),
        .weak("referral for", 0.7),
        .weak("ticket for", 0.7),
        .weak("tickets for", 0.7),
        .weak("parcel for", 0.7),
        .weak("delivery for", 0.7),
        .weak("letter for", 0.7),
        .weak("account for", 0.7),
    ]

    /// The people a writer dealt with: "I spoke to Mike", "the agent Vikram",
    /// "hablé con Lucía". Weak: a given name the lexicon knows, a title or a
    /// surname it knows ("spoke to Sky" is a company). After "a woman called"
    /// and the like, any capitalised word is the name the writer heard.
    private static let interactionCues: [PersonCue] = [
        "spoke to", "spoke with", "speak to", "speak with", "speaking to", "talked to", "talked with", "talk to",
        "dealt with", "reply from", "response from", "heard from", "the agent", "the advisor", "the adviser",
        "the engineer", "the technician", "the courier", "the driver", "the nurse", "the rep",
        "hablé con", "he hablado con", "j'ai parlé à", "j'ai parlé avec", "ho parlato con", "falei com",
        "ich habe mit", "sprak met", "rozmawiałem z", "rozmawiałam z", "pratade med", "talade med",
    ].map { PersonCue.weak($0, 0.7) }
        + [
            "a man called", "a woman called", "a lady called", "a guy called", "a gentleman called", "someone called",
            "somebody called", "a person called", "a man named", "a woman named", "someone named", "calling himself",
            "calling herself", "his name was", "her name was", "name was",
        ].map { PersonCue(phrase: $0, rule: PersonCue.heardName) }

    /// "a man called Frank": the cue leaves no reading but a name, even for a
    /// word that is also an ordinary word.
    static let heardName = Rule(kind: .weak, score: 0.75, singleUnknownWord: true, ambiguousAlone: true)

    /// Relatives and others close to the writer: "my husband, Tomasz Nowak".
    private static let relationCues: [PersonCue] = [
        "husband", "wife", "partner", "son", "daughter", "mother", "mum", "mom", "father", "dad", "brother",
        "sister", "child", "friend", "colleague", "neighbour", "neighbor", "carer", "caregiver", "grandson",
        "granddaughter", "grandmother", "grandfather", "grandma", "grandpa", "nan", "gran", "fiancé", "fiance",
        "fiancée", "fiancee", "boyfriend", "girlfriend", "aunt", "uncle", "niece", "nephew", "cousin", "stepson",
        "stepdaughter", "stepmother", "stepfather", "spouse", "landlord", "landlady", "flatmate", "housemate",
        "solicitor", "lawyer", "accountant", "adviser", "advisor", "caseworker",
        "grandchild", "nana", "granny", "auntie", "stepbrother", "stepsister", "roommate", "twin",
        "mother-in-law", "father-in-law", "son-in-law", "daughter-in-law", "brother-in-law", "sister-in-law",
        "ex-wife", "ex-husband",
    ].map { PersonCue.relation($0) }

    private static let signOffCues: [PersonCue] = [
        "thanks", "thank you", "thank you so much", "thanks so much", "thanks again", "thanks a lot", "many thanks",
        "with thanks", "cheers", "regards", "wishes", "best", "all the best", "sincerely", "faithfully", "truly",
        "yours", "respectfully", "love", "ta", "signed", "take care",
    ].map { PersonCue.signOff($0) }
}
