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

    @Test("long inputs are cut to the model's limit, ending with [SEP]", .enabled(if: EncoderFixture.available))
    func longInputsAreCut() throws {
        let tokenizer = try #require(EncoderFixture.encoder).tokenizer
        let ids = tokenizer.tokenize(String(repeating: "card payment ", count: 500))
        #expect(ids.count == 256)
        #expect(ids.first == tokenizer.classID && ids.last == tokenizer.separatorID)
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
