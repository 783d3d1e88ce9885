internal import CLibXML2
import Foundation
import Testing

@testable import GazetteKit

/// The packed name keys and tables the sanitizer looks elements and attributes up in.
@Suite struct HTMLSanitizerKeyTests {
    typealias Key = HTMLSanitizer.Key

    private func key(_ name: String, lowercasing: Bool = false) -> Key {
        Array(name.utf8).withUnsafeBufferPointer { Key($0, lowercasing: lowercasing) }
    }

    @Test func namesUpToThirtyTwoBytesGetDistinctKeys() {
        let names = [
            "a", "b", "ab", "ba", "abbr", "abbrx", "blockquote", "blockquot", "figcaption", "bordercolorlight",
            "bordercolorlighx", "scriptsizemultiplier", "glyph-orientation-horizontal", String(repeating: "x", count: 32),
            String(repeating: "x", count: 31), "xlink:href", "data-src", "data-srcset",
        ]
        let keys = names.map { key($0) }
        #expect(Set(keys).count == names.count)
        #expect(!keys.contains(.unknown))
        #expect(!keys.contains(.empty))
    }

    @Test func longerNamesAreUnknownAndEmptyIsEmpty() {
        #expect(key(String(repeating: "x", count: 33)) == .unknown)
        #expect(key("") == .empty)
    }

    @Test func lowercasingFoldsOnlyASCIILetters() {
        #expect(key("IMG", lowercasing: true) == key("img"))
        #expect(key("Data-Src", lowercasing: true) == key("data-src"))
        #expect(key("IMG") != key("img"))
        #expect(key("a_B:1", lowercasing: true) == key("a_b:1"))
    }

    @Test func cStringAndArrayKeysAgree() {
        let bytes = Array("href\0".utf8)
        #expect(bytes.withUnsafeBufferPointer { Key(cString: $0.baseAddress!) } == Key(Array("href".utf8)))
    }

    @Test func packedLookupFindsEveryStoredNameAndNothingElse() {
        var table: [Key: Int] = [:]
        for (index, name) in HTMLSanitizer.keptAttributes.enumerated() { table[key(name)] = index }
        let lookup = HTMLSanitizer.PackedLookup(table)
        for (index, name) in HTMLSanitizer.keptAttributes.enumerated() { #expect(lookup[key(name)] == index, "\(name)") }
        for missing in ["onclick", "hre", "hreff", "styles", "", String(repeating: "q", count: 40)] {
            #expect(lookup[key(missing)] == nil, "\(missing)")
        }
    }

    /// The writer's list of HTML boolean attributes must be libxml2's (`htmlIsBooleanAttr`), so a
    /// bare attribute gets the same value on both tokenizer paths.
    @Test func booleanAttributesAreLibXMLs() {
        let candidates =
            HTMLSanitizer.keptAttributes + HTMLSanitizer.urlAttributes + [
                "declare", "defer", "noresize", "allowfullscreen", "async", "hidden", "autoplay", "controls", "muted",
            ]
        for name in candidates {
            let libxml = Array((name + "\0").utf8).withUnsafeBufferPointer { htmlIsBooleanAttr($0.baseAddress!) != 0 }
            #expect(HTMLSanitizer.TagAttribute.booleanAttributes.contains(key(name)) == libxml, "\(name)")
        }
    }

    @Test func elementTablesMapEveryFastPathElementToItsName() {
        let tables = HTMLSanitizer.FastPathTables.shared
        for (index, name) in HTMLSanitizer.FastPathTables.elementNames.enumerated() {
            #expect(tables.index(of: key(name.uppercased(), lowercasing: true)) == index)
            #expect(String(decoding: tables.name(index), as: UTF8.self) == name)
            #expect(tables.keys[index] == key(name))
        }
        #expect(tables.index(of: key("blink")) == nil)
    }
}
