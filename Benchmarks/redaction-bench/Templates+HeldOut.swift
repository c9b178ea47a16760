/// A held-out set of templates, written apart from the detectors' cue and context
/// lists and never used to tune them. The bench scores it separately so that
/// overfitting to the main templates shows up as a gap between the two tables.
enum HeldOutTemplates {
    static let positive: [[String]] = [
        [  // cards
            "pls cancel {card} asap, wallet stolen at the station",
            "The one ending in the last four… whole thing: {card}",
            "{card} exp 09/27 cvv I won't share",
            "Got a text saying {card} is frozen?",
        ],
        [  // IBANs
            "funds should land in {iban} by Friday",
            "{iban} — that's where my wages go",
            "Could you double-check {iban} before I confirm",
            "wrong beneficiary: I wanted {iban}",
        ],
        [  // wallets
            "the exchange sent the coins to {wallet} by mistake",
            "{wallet} (my ledger)",
            "deposit addr {wallet}",
            "I see an outgoing tx to {wallet} I didn't make",
        ],
        [  // SSNs
            "The W-2 lists {ssn} for me",
            "tax id on the form: {ssn}",
            "{ssn} — that's mine, the other one is my wife's",
            "soc sec {ssn}",
        ],
        [  // NHS
            "the referral letter quotes {nhs}",
            "My GP surgery has me as {nhs}",
            "NHS number? It's {nhs}",
            "for the ward records: {nhs}",
        ],
        [  // NINO
            "HMRC reference is my NI {nino}",
            "{nino} on the P45",
            "payroll needs my national insurance: {nino}",
            "Tax code letter shows {nino}",
        ],
        [  // DOB
            "I'm a {dob} baby so I qualify",
            "born: {dob}",
            "the claimant's date of birth reads {dob}",
            "Geburtsdatum {dob}",
        ],
        [  // names
            "cheers, {name}",
            "Kind regards,\n{name}",
            "It's {name} here, we spoke on Monday",
            "The name on the policy is {name}",
        ],
        [  // emails
            "my new e-mail addr is {email}",
            "{email}",
            "pls use {email} from now",
            "Bounce came back from <{email}>",
        ],
        [  // phones
            "on {phone} most evenings",
            "{phone} - that's the landline",
            "If I'm out, try {phone}",
            "Number: {phone}",
        ],
        [  // URLs
            "they sent me to {url} to 'verify'",
            "{url} doesn't load on my phone",
            "Upload page is {url}",
            "bookmark: {url}",
        ],
        [  // IPs
            "my laptop got {ip} from DHCP",
            "{ip} keeps hammering the login page",
            "traceroute stops at {ip}",
            "Allow-list {ip} please",
        ],
        [  // postcodes
            "we're in {postcode}",
            "{postcode} — no broadband since Tuesday",
            "Mailing zip {zip}",
            "{city}, {state} {zip} is the billing address",
        ],
        [  // street addresses
            "flat 3, {address}",
            "we've just moved into {address}",
            "Parcel went to {address} instead",
            "{address} has a burst pipe",
        ],
    ]
}
