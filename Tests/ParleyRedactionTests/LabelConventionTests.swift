import Testing
@testable import ParleyRedaction

/// The labelling conventions of the PERSON/LOCATION development set
/// (Benchmarks/redaction-dev/ner/README.md), which the product's evaluator expects.
@Suite("Names and places as the labelling conventions have them")
struct LabelConventionTests {
    @Test(arguments: [
        ("Mrs Okafor asked for a refund", "Okafor"),
        ("Please pass this to Dr. Amina Yusuf", "Amina Yusuf"),
        ("Hallo, ich habe am Montag mit Frau Schneider gesprochen", "Schneider"),
        ("Buenos días, la Sra. García me dijo que esperara", "García"),
        ("Herr Gruber hat die Rechnung nicht bekommen", "Gruber"),
    ])
    func titlesStayOutsideTheName(text: String, name: String) {
        #expect(Fixture.found(text, .person) == [name])
    }

    @Test(arguments: [
        "Meine Karte wurde am Geldautomaten eingezogen.",
        "Die Rechnung ging an die falsche Adresse.",
        "Le technicien est venu hier.",
        "Sind Sie am Montag erreichbar?",
        "Booked with the travel agent for Easter.",
        "Hurricane Milton flooded our basement, do I file under homeowners?",
        "My dog Charlie ate the remote, does the warranty cover that?",
    ])
    func wordsOfOtherLanguagesHolidaysStormsAndPetsAreNoPeople(text: String) {
        #expect(Fixture.found(text, .person).isEmpty)
    }

    @Test(arguments: [
        ("Please update my address to 14 Cavendish Road, Reading RG1 5PQ today", "14 Cavendish Road, Reading RG1 5PQ"),
        ("Send it to Flat 3B, 22 Hope Street, Liverpool L1 9BQ please", "Flat 3B, 22 Hope Street, Liverpool L1 9BQ"),
        ("It is 4417 Maple Ave, Apt 2B, Columbus, OH 43214 now", "4417 Maple Ave, Apt 2B, Columbus, OH 43214"),
    ])
    func aPostalAddressIsOneSpanWithItsTownAndUnit(text: String, address: String) {
        let spans = Fixture.redactor.detect(text).filter { $0.type == .streetAddress || $0.type == .location }
        #expect(spans.map { String(text[$0.range]) } == [address])
    }
}
