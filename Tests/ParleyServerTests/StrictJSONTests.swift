import Foundation
@testable import ParleyServer
import Testing

@Suite struct StrictJSONTests {
    @Test(arguments: [
        #"{}"#, #"[]"#, #"{"a":[1,-2.5e10,0,true,false,null,"x"]}"#, " \n\t{\"a\" : \"b\"}\r\n",
        #"{"s":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}"#, "{\"s\":\"héllo 😀 漢字\"}", #"{"a":{"b":{"c":[]}}}"#, "0", #""x""#,
    ])
    func acceptsStrictJSON(text: String) throws {
        try StrictJSON.validate(Array(text.utf8))
    }

    @Test(arguments: [
        "", "{", #"{"a":1,}"#, "[1,]", #"{"a":1 "b":2}"#, #"{a:1}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#,
        #"{"a":-}"#, #"{"a":1e}"#, #"{"a":tru}"#, #"{"a":"\q"}"#, #"{"a":"\u12"}"#, #"{"a":"\udc00"}"#,
        #"{"a":"\ud800x"}"#, "{\"a\":\"\u{01}\"}", #"{"a":1}x"#, #"{"a":1,"a":2}"#, #"{"é":1,"\u00e9":2}"#,
        "NaN", "Infinity", #"{"a":Infinity}"#, "/* */{}", "{} // x",
    ])
    func refusesWhatIsNotJSON(text: String) {
        #expect(throws: StrictJSON.Violation.self) { try StrictJSON.validate(Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8() {
        for bytes: [UInt8] in [[0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22]] {
            #expect(throws: StrictJSON.Violation.self) { try StrictJSON.validate(bytes) }
        }
    }

    @Test func boundsNesting() throws {
        try StrictJSON.validate(Array((String(repeating: "[", count: StrictJSON.maximumDepth) + String(repeating: "]", count: StrictJSON.maximumDepth)).utf8))
        let deeper = String(repeating: "[", count: StrictJSON.maximumDepth + 1) + String(repeating: "]", count: StrictJSON.maximumDepth + 1)
        #expect(throws: StrictJSON.Violation.self) { try StrictJSON.validate(Array(deeper.utf8)) }
    }

    @Test func violationsNameTheOffsetNotTheContent() {
        do {
            try StrictJSON.validate(Array(#"{"secret":"kumquat",}"#.utf8))
            Issue.record("accepted a trailing comma")
        } catch {
            #expect(error.offset == 20)
            #expect(!error.description.contains("kumquat"))
        }
    }
}
