/// Personal names and places without a cue, from the trained tagger
/// (`NERTagger`): "Maria Lopez called yesterday", "I moved from Wrocław to
/// Porto". Its spans compete with the cue and pattern detectors' in overlap
/// resolution, so a cue's span wins when it is surer.
struct NamedEntityDetector: PIIDetector {
    let name = "ner"
    let entityType = PIIEntityType.person
    let tagger: NERTagger
    let findsPeople: Bool
    let findsPlaces: Bool

    /// The shipped tagger: the weights ner-train wrote and the shipped lists,
    /// decoded once per process.
    static let shipped: NERTagger = {
        guard let weights = PerceptronWeights.deserialise(Array(ShippedData.nerWeights)) else {
            preconditionFailure("the shipped named-entity weights do not decode; regenerate them with ner-train")
        }
        return NERTagger(weights: weights, lexicons: .builtIn)
    }()

    init(tagger: NERTagger = NamedEntityDetector.shipped, people: Bool, places: Bool) {
        self.tagger = tagger
        self.findsPeople = people
        self.findsPlaces = places
    }

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        guard findsPeople || findsPlaces else { return }
        for entity in tagger.entities(in: input) {
            guard entity.type == .person ? findsPeople : findsPlaces else { continue }
            if BrandNames.covers(entity.start, entity.end, in: input) { continue }  // "Tim Hortons", "Samsung Galaxy"
            candidates.append(
                Candidate(type: entity.type, start: entity.start, end: entity.end, score: entity.score, detector: name,
                          usesContext: false))
        }
    }
}
