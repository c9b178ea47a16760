extension Checkpoint {
    /// Why a checkpoint note did not open, in the terms of the verifiers'
    /// reports: its syntax, its signature, or an origin that is not the key's name.
    struct OpeningFailure: Error, Sendable {
        enum Kind: Sendable { case malformed, signature, origin }
        let kind: Kind
        let message: String
    }

    /// ``init(signedNote:verifierKey:)`` with its failure sorted by kind.
    static func open(note: [UInt8], key: NoteVerifierKey) -> Result<Checkpoint, OpeningFailure> {
        do {
            return .success(try Checkpoint(signedNote: note, verifierKey: key))
        } catch {
            switch error {
            case .signatureInvalid: return .failure(OpeningFailure(kind: .signature, message: error.description))
            case .originMismatch: return .failure(OpeningFailure(kind: .origin, message: error.description))
            default: return .failure(OpeningFailure(kind: .malformed, message: error.description))
            }
        }
    }
}
