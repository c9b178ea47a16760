extension PersonCue {
    /// Every cue. Sign-offs are written without their comma: the separator after
    /// them is checked apart (",", a dash, or a line break).
    static let all: [PersonCue] = explicitCues + roleCues + weakCues + relationCues + signOffCues
        + ["here", "speaking", "calling"].map { PersonCue.confirmation($0) }

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

    /// Relatives and others close to the writer: "my husband, Tomasz Nowak".
    private static let relationCues: [PersonCue] = [
        "husband", "wife", "partner", "son", "daughter", "mother", "mum", "mom", "father", "dad", "brother",
        "sister", "child", "friend", "colleague", "neighbour", "neighbor", "carer", "caregiver", "grandson",
        "granddaughter", "grandmother", "grandfather", "grandma", "grandpa", "nan", "gran", "fiancé", "fiance",
        "fiancée", "fiancee", "boyfriend", "girlfriend", "aunt", "uncle", "niece", "nephew", "cousin", "stepson",
        "stepdaughter", "stepmother", "stepfather", "spouse", "landlord", "landlady", "flatmate", "housemate",
        "solicitor", "lawyer", "accountant", "adviser", "advisor", "caseworker",
    ].map { PersonCue.weak($0, 0.7, twoWords: true) }

    private static let signOffCues: [PersonCue] = [
        "thanks", "thank you", "thank you so much", "thanks so much", "thanks again", "thanks a lot", "many thanks",
        "with thanks", "cheers", "regards", "wishes", "best", "all the best", "sincerely", "faithfully", "truly",
        "yours", "respectfully", "love", "ta", "signed", "take care",
    ].map { PersonCue.signOff($0) }
}
