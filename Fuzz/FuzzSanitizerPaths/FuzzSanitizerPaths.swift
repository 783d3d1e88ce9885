import Foundation
import FuzzDriver

@testable import GazetteKit

/// The sanitizer's tidy tokenizer and libxml2's HTML parser path produce the same bytes for every
/// fragment the tokenizer accepts.
@main enum FuzzSanitizerPaths {
    static let base = URL(string: "https://fuzz.example/news/post.html")

    static func main() {
        FuzzDriver.run { bytes in
            let html = String(decoding: bytes, as: UTF8.self)
            let paths = HTMLSanitizer.bothPaths(html, baseURL: base)
            guard let tidy = paths.tidy else { return }
            fuzzCheck(
                tidy == paths.libxml,
                "paths differ on \(html.debugDescription):\ntidy:   \(tidy.debugDescription)\nlibxml: \(paths.libxml.debugDescription)")
        }
    }
}
