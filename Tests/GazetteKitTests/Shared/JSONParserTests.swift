import Testing

@testable import GazetteKit

@Suite struct JSONParserTests {
    static func parse(_ text: String) throws(JSONParser.SyntaxError) -> JSONNode {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func objectsKeepTheirKeysInFileOrder() throws {
        let node = try Self.parse(#"{ "zebra": 1, "apple": 2, "mango": 3 }"#)
        guard case .object(let members) = node.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["zebra", "apple", "mango"])
    }

    @Test func valuesRememberTheirByteRange() throws {
        let text = #"{ "a": [1, "x"], "b": true }"#
        let node = try Self.parse(text)
        let a = try #require(node["a"])
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[a.start..<a.end], as: UTF8.self) == #"[1, "x"]"#)
        #expect(node["b"]?.value == .bool(true))
        #expect(node.start == 0 && node.end == bytes.count)
    }

    @Test func stringsDecodeEveryEscape() throws {
        let node = try Self.parse(#"["a\"b\\c\/d\n\t\u00e9\ud83d\ude00"]"#)
        guard case .array(let elements) = node.value else {
            Issue.record("not a list")
            return
        }
        #expect(elements.first?.stringValue == "a\"b\\c/d\n\té😀")
    }

    @Test func numbersKeepTheirSourceText() throws {
        let node = try Self.parse("[3, -0.5, 1e3]")
        guard case .array(let elements) = node.value else {
            Issue.record("not a list")
            return
        }
        #expect(elements.map(\.value) == [.number(3, raw: "3"), .number(-0.5, raw: "-0.5"), .number(1000, raw: "1e3")])
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let node = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": null}"#.utf8))
        #expect(node["a"]?.value == .null)
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 7, "trailing comma before '}'"),
        (#"[1, 2,]"#, 5, "trailing comma before ']'"),
        (#"{'a': 1}"#, 1, "double quotes"),
        (#"{"a": 'x'}"#, 6, "double quotes"),
        ("{\"a\": 1 // note\n}", 8, "comments are not allowed"),
        ("[1 /* note */]", 3, "comments are not allowed"),
        ("{\"a\": 1\n \"b\": 2}", 7, "expected ',' or '}' after the value of \"a\""),
        ("// note\n{}", 0, "comments are not allowed"),
        (#"{"a" 1}"#, 5, "expected ':' after the key \"a\""),
        (#"{"a": tru}"#, 6, "expected a value"),
        (#"{"a": 01}"#, 6, "leading zeros"),
        (#"{"a": "x\q"}"#, 8, "invalid escape \\q"),
        ("{\"a\": \"x\ty\"}", 8, "control characters"),
        (#"{"a": 1} {"#, 9, "after the end of the JSON value"),
        ("", 0, "the file is empty"),
        (#"{"a": [1, 2"#, 11, "the file ends inside a list"),
        (#"{"a": "\ud800"}"#, 7, "surrogate"),
    ])
    func syntaxErrorsSayWhatIsWrongAndWhere(text: String, offset: Int, message: String) {
        #expect {
            _ = try Self.parse(text)
        } throws: { error in
            guard let error = error as? JSONParser.SyntaxError else { return false }
            return error.offset == offset && error.message.contains(message)
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.SyntaxError.self) { try Self.parse(text) }
    }

    @Test func lineIndexCountsCharactersNotBytes() {
        let bytes = Array("ab\nçé—x\n".utf8)
        let index = LineIndex(bytes)
        #expect(index.location(of: 0) == (1, 1))
        #expect(index.location(of: 3) == (2, 1))
        let x = bytes.firstIndex(of: UInt8(ascii: "x"))!
        #expect(index.location(of: x) == (2, 4))
        #expect(index.location(of: bytes.count) == (3, 1))
    }
}
