import Foundation
import FuzzDriver
import GazetteKit

/// Any bytes through the feed parser, with and without a declared HTTP charset (the first byte
/// picks one): never a crash, every item has an id, and the same bytes give the same feed.
@main enum FuzzParser {
    static let charsets: [String?] = [nil, "utf-8", "iso-8859-1", "windows-1252", "utf-16", "shift_jis", "bogus"]
    static let url = URL(string: "https://fuzz.example/feed/")

    static func main() {
        FuzzDriver.run { bytes in
            guard let first = bytes.first else { return }
            let charset = charsets[Int(first) % charsets.count]
            let data = Data(bytes.dropFirst())
            let parser = FeedParser()
            let feed: ParsedFeed
            do throws(FeedParseError) {
                feed = try parser.parse(data, url: url, httpCharset: charset)
            } catch {
                fuzzCheck(!error.description.isEmpty, "an empty parse error")
                return
            }
            for item in feed.items { fuzzCheck(!item.id.isEmpty, "an item without an id") }
            let again = try? parser.parse(data, url: url, httpCharset: charset)
            fuzzCheck(again == feed, "two parses of the same bytes differ")
        }
    }
}
