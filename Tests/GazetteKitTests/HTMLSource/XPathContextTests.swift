internal import CLibXML2
import Foundation
import Testing

@testable import GazetteKit

@Suite struct XPathContextTests {
    /// Evaluates `expression` on the first `<li>` of a small page and describes the value.
    private func describe(_ expression: String) throws -> String {
        let page = Data("<html><body><ul><li id=\"a\"><b>One</b> two</li><li id=\"b\">Three</li></ul></body></html>".utf8)
        let outcome = HTMLDocument.withDocument(page, url: nil, encoding: "UTF-8") { doc -> Result<String, HTMLSourceError> in
            XPathContext.with(doc) { context -> Result<String, HTMLSourceError> in
                do throws(HTMLSourceError) {
                    try context.compile("//li", key: "html.item")
                    try context.compile(expression, key: "html.title")
                    guard let root = xmlDocGetRootElement(doc),
                        case .nodes(let items)? = try context.evaluate("html.item", at: root, expression: "//li"),
                        let first = items.first
                    else { return .success("no items") }
                    switch try context.evaluate("html.title", at: first, expression: expression) {
                    case .nodes(let nodes)?: return .success("nodes:" + nodes.map { HTMLDocument.text(of: $0) }.joined(separator: "|"))
                    case .string(let string)?: return .success("string:\(string)")
                    case .number(let number)?: return .success("number:\(number)")
                    case .boolean(let flag)?: return .success("boolean:\(flag)")
                    case nil: return .success("nil")
                    }
                } catch {
                    return .failure(error)
                }
            } ?? .success("no context")
        }
        return try #require(outcome).get()
    }

    @Test(arguments: [
        ("./b", "nodes:One"),
        ("@id", "nodes:a"),
        ("../li", "nodes:One two|Three"),
        ("normalize-space(.)", "string:One two"),
        ("concat(@id, '-', ./b)", "string:a-One"),
        ("count(../li)", "number:2.0"),
        ("@id = 'a'", "boolean:true"),
        ("./i", "nodes:"),
    ])
    func relativeExpressionsUseTheItemAsContextNode(expression: String, expected: String) throws {
        #expect(try describe(expression) == expected)
    }

    @Test func compileErrorCarriesKeyExpressionAndPosition() {
        #expect(throws: HTMLSourceError.invalidXPath(key: "html.title", expression: "./b[", reason: "invalid expression at character 5")) {
            _ = try describe("./b[")
        }
    }
}
