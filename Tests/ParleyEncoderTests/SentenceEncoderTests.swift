import Foundation
import Testing
@testable import ParleyEncoder

@Suite("Sentence encoder against the reference implementation")
struct SentenceEncoderTests {
    @Test("embeddings match sentence-transformers within 1e-3 cosine, with every kernel this CPU runs",
          .enabled(if: EncoderFixture.available))
    func embeddingsMatchReference() throws {
        let texts = EncoderFixture.reference.embedded.map(\.text)
        for kernel in EncoderKernel.allCases where kernel.isSupported {
            let encoder = try SentenceEncoder(contentsOf: EncoderFixture.file(), kernel: kernel, window: EncoderFixture.referenceWindow)
            #expect(encoder.kernel == kernel)
            for (reference, text) in zip(EncoderFixture.reference.embedded, texts) {
                let cosine = EncoderFixture.cosine(encoder.embed(text), reference.embedding)
                #expect(cosine > 1 - 1e-3, "kernel \(kernel.rawValue), sentence \(reference.text.prefix(20)): cosine \(cosine)")
            }
        }
    }

    @Test("f32, f16 and i8 encoder files match the reference too (f32 and f16 within 1e-4, i8 within 1e-3)")
    func otherPrecisionsMatchReference() throws {
        for (precision, tolerance) in [("f32", Float(1e-4)), ("f16", Float(1e-4)), ("i8", Float(1e-3))] {
            let url = EncoderFixture.file(precision)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let encoder = try SentenceEncoder(contentsOf: url, window: EncoderFixture.referenceWindow)
            #expect(encoder.configuration.precision == precision)
            for reference in EncoderFixture.reference.embedded {
                let cosine = EncoderFixture.cosine(encoder.embed(reference.text), reference.embedding)
                #expect(cosine > 1 - tolerance, "\(precision): cosine \(cosine)")
            }
        }
    }

    @Test("a batch gives the same embeddings as one sentence at a time", .enabled(if: EncoderFixture.available))
    func batchEqualsSingles() throws {
        let encoder = try #require(EncoderFixture.encoder)
        let texts = EncoderFixture.reference.embedded.map(\.text)
        let batch = encoder.embed(texts)
        #expect(batch.count == texts.count)
        for (text, embedded) in zip(texts, batch) {
            let single = encoder.embed(text)
            #expect(zip(single, embedded).allSatisfy { abs($0 - $1) < 1e-5 })
        }
    }

    @Test("embeddings have unit length and the configured dimension", .enabled(if: EncoderFixture.available))
    func embeddingsAreUnitLength() throws {
        let encoder = try #require(EncoderFixture.encoder)
        for text in ["", "card", "How do I top up by bank transfer?"] {
            let embedding = encoder.embed(text)
            #expect(embedding.count == 384)
            let norm = embedding.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-4)
        }
    }

    @Test("sentences about the same thing are closer than sentences about different things", .enabled(if: EncoderFixture.available))
    func similarSentencesAreClose() throws {
        let encoder = try #require(EncoderFixture.encoder)
        let card = encoder.embed("My card has not arrived yet")
        let card2 = encoder.embed("When will my new card be delivered?")
        let weather = encoder.embed("Will it rain in Lisbon tomorrow?")
        #expect(EncoderFixture.cosine(card, card2) > EncoderFixture.cosine(card, weather) + 0.2)
    }

    @Test("token sequences that are too long, empty or out of the vocabulary are made safe, not trusted",
          .enabled(if: EncoderFixture.available))
    func badTokenSequencesAreSanitised() throws {
        let encoder = try #require(EncoderFixture.encoder)
        let long = [Int32](repeating: 2000, count: 1000)
        let out = encoder.embed(tokens: [[], long, [-5, 999_999]])
        #expect(out.count == 3)
        #expect(out.allSatisfy { $0.count == 384 && $0.allSatisfy(\.isFinite) })
    }
}
