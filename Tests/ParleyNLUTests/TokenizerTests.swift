import Testing
@testable import ParleyNLU

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test func lowercasesWordsAndKeepsApostrophesInsideWords() {
        let tokens = tokenizer.tokenize("Don't CANCEL my card’s PIN!")
        #expect(tokens.map(\.text) == ["don't", "cancel", "my", "card's", "pin"])
        #expect(tokens.allSatisfy { $0.kind == .word })
    }

    @Test func normalisesDigitRunsToZerosOfTheSameLength() {
        let tokens = tokenizer.tokenize("order 12345 on 3/4, ref A7")
        #expect(tokens.map(\.text) == ["order", "00000", "on", "0", "0", "ref", "a", "0"])
        #expect(tokens[1].kind == .number)
    }

    @Test func normalisesNonLatinDecimalDigits() {
        // Arabic-Indic digits are decimal digits too.
        let tokens = tokenizer.tokenize("رقم ١٢٣")
        #expect(tokens.map(\.text) == ["رقم", "000"])
        #expect(tokens[1].kind == .number)
    }

    @Test func keepsRedactionPlaceholdersWhole() {
        let tokens = tokenizer.tokenize("mail [EMAIL] or card [CREDIT_CARD] not [lower] or [X]")
        #expect(tokens.map(\.text) == ["mail", "[email]", "or", "card", "[credit_card]", "not", "lower", "or", "x"])
        #expect(tokens[1].kind == .placeholder)
        #expect(tokens[4].kind == .placeholder)
        #expect(tokens[1].start == 5 && tokens[1].end == 12)
    }

    @Test func keepsAccentsAndCombiningMarksInsideWords() {
        // "café" precomposed and "cafe" + U+0301 combining acute accent.
        let tokens = tokenizer.tokenize("Café cafe\u{301} NAÏVE")
        #expect(tokens.map(\.text) == ["café", "cafe\u{301}", "naïve"])
        #expect(tokens[1].start == 5 && tokens[1].end == 10)
    }

    @Test func offsetsCountUnicodeScalarsPastEmoji() {
        let text = "👍🏽 card 🇬🇧 lost"
        let tokens = tokenizer.tokenize(text)
        #expect(tokens.map(\.text) == ["card", "lost"])
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            let surface = String(String.UnicodeScalarView(scalars[token.start..<token.end]))
            #expect(surface.lowercased() == token.text)
        }
    }

    @Test func treatsACJKRunAsOneWord() {
        let tokens = tokenizer.tokenize("我的卡丢了 card")
        #expect(tokens.map(\.text) == ["我的卡丢了", "card"])
    }

    @Test func tokenisesRightToLeftScripts() {
        let tokens = tokenizer.tokenize("בטל את הכרטיס שלי")
        #expect(tokens.map(\.text) == ["בטל", "את", "הכרטיס", "שלי"])
        #expect(tokens[3].end == 17)
    }

    @Test func lowercasesScalarsWhoseLowercaseIsLonger() {
        // İ (U+0130) lowercases to "i̇" (two scalars); offsets stay those of the original.
        let tokens = tokenizer.tokenize("İSTANBUL x")
        #expect(tokens[0].text == "i\u{307}stanbul")
        #expect(tokens[0].end == 8)
        #expect(tokens[1].start == 9)
    }

    @Test func returnsNothingForEmptyOrPunctuationOnlyText() {
        #expect(tokenizer.tokenize("").isEmpty)
        #expect(tokenizer.tokenize(" ?!… — ").isEmpty)
    }
}
