import Testing
@testable import ParleyRedaction

@Suite("Named-entity tagger (names and places without cues)")
struct NamedEntityTests {
    @Test(arguments: [
        ("Maria Lopez called yesterday about the refund", "Maria Lopez"),
        ("I spoke with Tomasz Kowalczyk from your team", "Tomasz Kowalczyk"),
        ("Please tell Chiara Ferrari the parcel arrived", "Chiara Ferrari"),
        ("The account is in the name of Nguyen Thi Lan", "Nguyen Thi Lan"),
        ("Can Giulia Bianchi pick up the order?", "Giulia Bianchi"),
    ])
    func findsNamesWithoutACue(text: String, name: String) {
        #expect(Fixture.found(text, .person) == [name])
    }

    /// Wave 1 left a given name without a cue alone (a member of staff, it
    /// assumed); a name is personal data whoever it names, so the tagger finds it.
    @Test(arguments: ["I spoke to Sarah yesterday", "Is Sarah here today?"])
    func aGivenNameWithoutACueIsAName(text: String) {
        #expect(Fixture.found(text, .person) == ["Sarah"])
    }

    @Test(arguments: [
        ("I moved from Manchester to Porto last year", ["Manchester", "Porto"]),
        ("The parcel is stuck in Rotterdam", ["Rotterdam"]),
        ("We are based in Nairobi, Kenya", ["Nairobi", "Kenya"]),
        ("Do you deliver to Wrocław?", ["Wrocław"]),
    ])
    func findsPlaces(text: String, places: [String]) {
        #expect(Fixture.found(text, .location) == places)
    }

    @Test(arguments: [
        "My iPhone stopped charging after the update",
        "The Premium Plan costs too much",
        "I paid with Apple Pay on Monday",
        "Order Status shows shipped",
        "Customer Service never called back",
        "During 1990 we opened the account",
        "Thank You for the quick help",
        "Is the Galaxy S23 compatible with Smart Hub?",
    ])
    func productsBusinessWordsAndLabelsSurvive(text: String) {
        let found = Fixture.redactor.detect(text).filter { $0.type == .person || $0.type == .location }
        #expect(found.isEmpty)
    }

    @Test func shippedWeightsDecodeAndAreSmall() {
        #expect(NamedEntityDetector.shipped.weights.featureCount > 1000)
        #expect(ShippedData.nerWeights.count < 1_000_000)
    }

    @Test func lexiconsKnowNamesPlacesAndWords() {
        let lexicons = NameLexicons.builtIn
        #expect(lexicons.kind(of: "maria").contains(.givenName))
        #expect(lexicons.kind(of: "kowalski").contains(.surname))
        #expect(lexicons.kind(of: "rotterdam").contains(.place))
        #expect(lexicons.kind(of: "order").contains(.common))
        #expect(lexicons.kind(of: "zzqxv").isEmpty)
    }

    @Test func wordHashFoldsLatinCapitals() {
        #expect(WordHash.of("łódź") == WordHash.of("Łódź"))
        #expect(WordHash.of("ÉCOLE") == WordHash.of("école"))
    }

    @Test func trainingIsDeterministic() {
        let first = NamedEntityTraining.trainWeights(sentences: 300, seed: 7)
        let second = NamedEntityTraining.trainWeights(sentences: 300, seed: 7)
        #expect(first == second)
        #expect(PerceptronWeights.deserialise(first) != nil)
    }
}

@Suite("Nouns of other languages are no names")
struct ForeignNounTests {
    /// Long words with an abstract noun's ending, in no name or place list.
    @Test(arguments: [
        "Mein Flug ab Basel wurde annulliert, was deckt die Reiseversicherung?",
        "Mein Mann liegt im Krankenhaus, ich brauche die Versicherungsbestätigung.",
        "Kann ich die Kfz-Versicherung online kündigen?",
    ])
    func aCompoundNounIsNoPerson(text: String) {
        #expect(Fixture.found(text, .person).isEmpty)
    }
}

@Suite("Greetings, holidays and clause openers of other languages are no names")
struct GreetingAndHolidayTests {
    @Test(arguments: [
        "Joyeux Noël à toute l'équipe, et merci pour votre aide.",
        "Wesołych Świąt! Czy przelew dojdzie przed końcem roku?",
        "Veselé Vánoce, kdy mi přijde nová karta?",
        "Buon Natale, la carta arriverà prima delle feste?",
        "Is the branch open on Victoria Day?",
        "Wenn Sie mich zurückrufen könnten, wäre das toll.",
    ])
    func seasonGreetingsHolidaysAndOpenersAreNoPeople(text: String) {
        #expect(Fixture.found(text, .person).isEmpty)
        #expect(Fixture.found(text, .location).isEmpty)
    }
}

@Suite("Facilities written facility word first")
struct FacilityFirstTests {
    @Test(arguments: [
        ("Mi padre está ingresado en el Hospital Universitario La Paz.", "Hospital Universitario La Paz"),
        ("O meu pai está internado no Hospital de Santa Maria.", "Hospital de Santa Maria"),
        ("Estoy en el Aeropuerto Internacional Benito Juárez y no me llega el código.", "Aeropuerto Internacional Benito Juárez"),
        ("La dottoressa del Policlinico Gemelli mi ha dato il referto.", "Policlinico Gemelli"),
        ("Mama leży w Szpitalu Bielańskim od wtorku.", "Szpitalu Bielańskim"),
    ])
    func aFacilityWordBeforeCapitalisedWordsIsAPlace(text: String, place: String) {
        #expect(Fixture.found(text, .location) == [place])
        #expect(Fixture.found(text, .person).isEmpty)
    }

    @Test func aLowercaseFacilityWordStartsNoPlace() {
        #expect(Fixture.found("I have a hospital appointment on Friday", .location).isEmpty)
    }
}

@Suite("Titles and honorifics of other languages stand outside the name")
struct HonorificTests {
    @Test(arguments: [
        ("Meneer Jansen van de schadeafdeling zou me deze week mailen.", ["Jansen"]),
        ("Ahmet Bey geçen hafta beni arayacağını söyledi ama aramadı.", ["Ahmet"]),
        ("Teşekkürler Bahar Hanım, sorun çözüldü.", ["Bahar"]),
        ("Czy Pan Bogdan z infolinii może do mnie oddzwonić?", ["Bogdan"]),
        ("My colleague Jennifer Pan and Ahmed Haji Mohamed both called.", ["Jennifer Pan", "Ahmed Haji Mohamed"]),
        ("Dom Harris rang me back about the claim.", ["Dom Harris"]),
        ("Domnul Ion Crăciun a sunat ieri pentru contract.", ["Ion Crăciun"]),
    ])
    func theTitleIsLeftOutAndSaysItIsAPerson(text: String, names: [String]) {
        #expect(Fixture.found(text, .person) == names)
        #expect(Fixture.found(text, .location).isEmpty)
    }

    @Test func aGenerationalSuffixKeepsItsDot() {
        #expect(Fixture.found("The claim is for my father, Marcus Whitaker Jr. of Tulsa.", .person)
            == ["Marcus Whitaker Jr."])
    }
}

@Suite("German nouns are capitalised")
struct GermanNounTests {
    @Test(arguments: [
        "Mein Anwalt hat die Rechnungen noch nicht bekommen.",
        "Das Gepäck ist seit drei Wochen nicht da, können Sie helfen?",
    ])
    func aLoneUnlistedCapitalisedWordInGermanIsNoName(text: String) {
        #expect(Fixture.found(text, .person).isEmpty)
        #expect(Fixture.found(text, .location).isEmpty)
    }

    /// A word the surname list knows stays a name, in German too ("Schneider", "Nowak").
    @Test func aSurnameInGermanStaysAName() {
        #expect(Fixture.found("Gestern hat Schneider angerufen, aber ich war nicht da.", .person) == ["Schneider"])
        #expect(Fixture.found("Leider ist Nowak nicht erreichbar und ich warte noch.", .person) == ["Nowak"])
    }

    @Test func namesAndPlacesInGermanStay() {
        let text = "Ich habe mit Jonas gesprochen und wir haben einen Wasserschaden in Stuttgart-Vaihingen."
        #expect(Fixture.found(text, .person) == ["Jonas"])
        #expect(Fixture.found(text, .location) == ["Stuttgart-Vaihingen"])
    }
}

@Suite("Brands that read like people or places")
struct BrandNameTests {
    @Test(arguments: [
        "Does my gift card work at Tim Hortons?",
        "Albert Heijn heeft twee keer afgeschreven.",
        "I moved my savings from Wells Fargo last year.",
        "The Samsung Galaxy I ordered arrived with a cracked screen.",
        "Banco Sabadell me ha cobrado una comisión.",
    ])
    func aBrandIsNeitherAPersonNorAPlace(text: String) {
        #expect(Fixture.found(text, .person).isEmpty)
        #expect(Fixture.found(text, .location).isEmpty)
    }

    /// A cue still names a person, and a brand's word alone is no brand.
    @Test func aCueStillNamesAPerson() {
        #expect(Fixture.found("My name is Ted Baker and I bank with you.", .person) == ["Ted Baker"])
        #expect(Fixture.found("I flew from Sabadell to Porto.", .location) == ["Sabadell", "Porto"])
    }

    @Test func theListIsUsable() {
        #expect(BrandNames.all.count > 300)
        #expect(Set(BrandNames.all).count == BrandNames.all.count)
        #expect(BrandNames.all.allSatisfy { $0 == $0.lowercased() && !$0.isEmpty })
    }
}
