import Testing

@testable import GazetteKit

@Suite struct JSONStringLiteralTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("a\tb\u{01}", #""a\tb\u0001""#),
        ("quote \" and \\ backslash", #""quote \" and \\ backslash""#),
        ("line\nbreak\r", #""line\nbreak\r""#),
        ("separators \u{2028}\u{2029}", #""separators \u2028\u2029""#),
        ("Children’s Services £", #""Children’s Services £""#),
    ])
    func escapesWhatJSONRequires(input: String, expected: String) {
        #expect(JSONStringLiteral.quote(input) == expected)
    }
}
