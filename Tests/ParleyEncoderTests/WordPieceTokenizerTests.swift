import Foundation
import Testing
@testable import ParleyEncoder

@Suite("WordPiece tokenizer")
struct WordPieceTokenizerTests {
    @Test("token ids equal Hugging Face's BertTokenizer on accents, punctuation, CJK, emoji, controls and long inputs",
          .enabled(if: EncoderFixture.available))
    func idsMatchReference() throws {
        let tokenizer = try #require(EncoderFixture.encoder).tokenizer
        for case_ in EncoderFixture.reference.tokenized {
            #expect(tokenizer.tokenize(case_.text) == case_.ids, "\(case_.text.prefix(30).debugDescription)")
        }
    }

    @Test("long inputs are cut to the window, ending with [SEP]: the shipped file's 48, or one given at load", .enabled(if: EncoderFixture.available))
    func longInputsAreCut() throws {
        let long = String(repeating: "card payment ", count: 500)
        let shipped = try SentenceEncoder(contentsOf: EncoderFixture.file())
        #expect(shipped.configuration.maxTokens == 48)
        for (tokenizer, window) in [(shipped.tokenizer, 48), (try #require(EncoderFixture.encoder).tokenizer, 256)] {
            let ids = tokenizer.tokenize(long)
            #expect(ids.count == window)
            #expect(ids.first == tokenizer.classID && ids.last == tokenizer.separatorID)
        }
    }

    @Test("a window beyond the model's positions is refused at load", .enabled(if: EncoderFixture.available))
    func aWindowBeyondThePositionsIsRefused() throws {
        #expect(throws: EncoderError.self) { try SentenceEncoder(contentsOf: EncoderFixture.file(), window: 513) }
        #expect(throws: EncoderError.self) { try SentenceEncoder(contentsOf: EncoderFixture.file(), window: 2) }
    }

    @Test("a small vocabulary splits words into the longest pieces it has, and unknown words into [UNK]")
    func greedyLongestMatch() throws {
        let tokenizer = try WordPieceTokenizer(
            vocabulary: ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "top", "##up", "##u", "un", "##want", "##ed", "!", "é"],
            maxTokens: 16
        )
        #expect(tokenizer.tokenize("Top-up") == [2, 4, 1, 1, 3])  // "-" is not in the vocabulary: [UNK]; "up" alone neither
        #expect(tokenizer.tokenize("UNWANTED topup!") == [2, 7, 8, 9, 4, 5, 10, 3])
        #expect(tokenizer.tokenize("xyz") == [2, 1, 3])
        #expect(tokenizer.tokenize("") == [2, 3])
    }
}
