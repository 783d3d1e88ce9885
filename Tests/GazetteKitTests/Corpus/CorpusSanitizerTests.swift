import Foundation
import Testing

@testable import GazetteKit

/// Opt-in (needs `GAZETTE_SHARED`): the sanitizer's two paths agree on every HTML fragment of the
/// real-world corpus folders.
@Suite struct CorpusSanitizerTests {
    @Test(Fixtures.needsShared, arguments: ["realworld", "realworld-more"])
    func tidyTokenizerAgreesWithLibXMLOnCorpusFragments(corpus: String) throws {
        let shared = try #require(Fixtures.shared)
        let folder = shared.appendingPathComponent("corpus/\(corpus)")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        var total = 0
        var tidyCount = 0
        for file in files where file.pathExtension == "xml" {
            guard let data = try? Data(contentsOf: file) else { continue }
            for fragment in HTMLSanitizerTests.htmlFragments(in: String(decoding: data, as: UTF8.self)) {
                total += 1
                let paths = HTMLSanitizer.bothPaths(fragment, baseURL: HTMLSanitizerTests.base)
                guard let tidy = paths.tidy else { continue }
                tidyCount += 1
                #expect(tidy == paths.libxml, "\(file.lastPathComponent): \(fragment.prefix(300))")
            }
        }
        print("tidy tokenizer took \(tidyCount) of \(total) corpus fragments")
        #expect(total > 0)
    }
}
