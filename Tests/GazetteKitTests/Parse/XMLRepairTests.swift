import Foundation
import Testing
@testable import GazetteKit

@Suite struct XMLRepairTests {
    private func repaired(_ s: String) -> String? {
        Array(s.utf8).withUnsafeBytes { XMLRepair.repair($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: [
        ("<t>AT&T</t>", "<t>AT&amp;T</t>"),
        ("<t>&nbsp;&eacute;</t>", "<t>&#160;&#233;</t>"),
        ("<t>a && b</t>", "<t>a &amp;&amp; b</t>"),
        ("<t>&madeup;</t>", "<t>&amp;madeup;</t>"),
        ("<t>&#38;x&#x26;</t>", nil),
        ("<t>&amp;&lt;</t>", nil),
        ("<t><![CDATA[&nbsp; & ]]></t>", nil),
        ("<!-- & --><t/>", nil),
        ("<t>a\u{1}b&#2;c</t>", "<t>abc</t>"),
        ("<t>&#X41;</t>", "<t>&#x41;</t>"),
    ] as [(String, String?)])
    func mendsEntitiesOutsideCDATAAndComments(input: String, expected: String?) {
        #expect(repaired(input) == expected)
    }
}
