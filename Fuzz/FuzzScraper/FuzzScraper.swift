import Foundation
import FuzzDriver
import GazetteKit

/// Any bytes as an HTML listing page, scraped with a few typical rules (the first byte picks one):
/// never a crash; every item it returns has a title or a link, and every link is absolute http(s).
@main enum FuzzScraper {
    static let rules: [HTMLRule] = [
        HTMLRule(item: "//article", title: ".//h2", link: ".//a/@href", summary: ".//p", date: ".//time/@datetime"),
        HTMLRule(
            item: "//li[a]", title: "normalize-space(a)", link: "a/@href", author: ".//span[@class='by']",
            authorPattern: "^By (.+)$"),
        HTMLRule(item: "//table//tr[td]", title: "td[1]", link: "td[1]//a/@href", date: "td[2]", dateFormat: "dd MMMM yyyy"),
        HTMLRule(
            item: "//div[contains(@class,'card')]", title: "concat(.//h3, '')", link: ".//a[1]/@href",
            category: ".//*[@class='tag']", datePattern: "([0-9]{4}-[0-9]{2}-[0-9]{2})"),
    ]
    static let url = URL(string: "https://fuzz.example/news/")!

    static func main() {
        FuzzDriver.run { bytes in
            guard let first = bytes.first else { return }
            let rule = rules[Int(first) % rules.count]
            let page = Data(bytes.dropFirst())
            guard let feed = try? HTMLListingScraper().scrape(page, url: url, rule: rule, httpCharset: nil) else { return }
            for item in feed.items {
                if let link = item.link {
                    fuzzCheck(link.hasPrefix("https://") || link.hasPrefix("http://"), "a scraped link that is not http(s): \(link)")
                }
            }
        }
    }
}
