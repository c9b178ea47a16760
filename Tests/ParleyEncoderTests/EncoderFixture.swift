import Foundation
import ParleyEncoder

/// The converted encoder and the reference values. The encoder file is made
/// by `packaging/encoder/convert.py` (`.ci/run` does it, from the PyPI
/// package); tests that need it are skipped, visibly, when it is absent.
enum EncoderFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ precision: String = "f16") -> URL {
        let suffix = precision == "f16" ? "" : "-\(precision)"
        return repository.appendingPathComponent("packaging/out/encoder/all-minilm-l6-v2\(suffix).parleyenc")
    }

    static var available: Bool { FileManager.default.fileExists(atPath: file().path) }

    /// One load per process: the file is 45 MB.
    static let encoder: SentenceEncoder? = try? SentenceEncoder(contentsOf: file())

    struct Reference: Decodable {
        struct Embedded: Decodable { let text: String; let embedding: [Float] }
        struct Tokenized: Decodable { let text: String; let ids: [Int32] }
        let embedded: [Embedded]
        let tokenized: [Tokenized]
    }

    static let reference: Reference = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/reference-embeddings.json")
        // A missing or broken fixture is a broken checkout: fail loudly.
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0, na: Float = 0, nb: Float = 0
        for i in a.indices {
            dot += a[i] * b[i]
            na += a[i] * a[i]
            nb += b[i] * b[i]
        }
        return dot / (na.squareRoot() * nb.squareRoot())
    }
}
