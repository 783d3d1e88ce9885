import ArgumentParser
import Foundation
import GazetteKit

#if canImport(Glibc)
    import Glibc
#endif

/// `gazette bench html`: how long scraping an HTML listing page takes (parse + XPath + items).
struct BenchHTMLSourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "Time HTMLListingScraper (and the rule suggester) on a generated card-grid listing page.")

    @Option(help: "Approximate size of the generated page in bytes.")
    var bytes: Int = 1_000_000

    @Option(help: "Number of article cards; the rest of the page is filled with scripts and navigation markup (default: cards only).")
    var items: Int?

    @Option(help: "Timed repetitions (the first, untimed run warms up).")
    var iterations: Int = 20

    mutating func run() throws {
        let page = Self.listingPage(bytes: bytes, cards: items)
        let url = URL(string: "https://www.localgov.example/news")!
        let rule = HTMLRule(
            item: "//article[@class='card']", title: ".//h2", link: ".//h2/a/@href",
            summary: ".//p[@class='card__standfirst']", author: ".//p[@class='card__byline']",
            date: ".//p[@class='card__byline']", dateFormat: "dd MMMM yyyy", category: ".//p[@class='card__section']")
        let scraper = HTMLListingScraper()
        let warm = try scraper.scrapeReport(page, url: url, rule: rule, httpCharset: nil)
        var scrapeTimes: [Duration] = []
        var cpuTimes: [Double] = []
        for _ in 0..<max(1, iterations) {
            let cpuStart = Self.threadCPUMilliseconds()
            let start = ContinuousClock.now
            _ = try scraper.scrape(page, url: url, rule: rule, httpCharset: nil)
            scrapeTimes.append(ContinuousClock.now - start)
            cpuTimes.append(Self.threadCPUMilliseconds() - cpuStart)
        }
        cpuTimes.sort()
        // Baseline: the same page with a rule that matches one node, i.e. libxml2's parse and free only.
        let baselineRule = HTMLRule(item: "/html", title: "string(head/title)")
        var baselineCPU: [Double] = []
        for _ in 0..<max(1, iterations) {
            let cpuStart = Self.threadCPUMilliseconds()
            _ = try scraper.scrape(page, url: url, rule: baselineRule, httpCharset: nil)
            baselineCPU.append(Self.threadCPUMilliseconds() - cpuStart)
        }
        baselineCPU.sort()
        let suggestStart = ContinuousClock.now
        let suggestion = HTMLRuleSuggester.suggestion(for: page, url: url)
        let suggestTime = ContinuousClock.now - suggestStart
        scrapeTimes.sort()
        let median = scrapeTimes[scrapeTimes.count / 2]
        let megabytes = Double(page.count) / 1_000_000
        print("page: \(page.count) bytes, \(warm.matchCount) items matched, \(warm.feed.items.count) items built")
        print(
            String(
                format: "scrape: min %.2f ms, median %.2f ms, max %.2f ms over %d runs (%.0f MB/s at the median)",
                Self.ms(scrapeTimes[0]), Self.ms(median), Self.ms(scrapeTimes[scrapeTimes.count - 1]), scrapeTimes.count,
                megabytes / (Self.ms(median) / 1000)))
        print(String(format: "scrape CPU time (this thread): min %.2f ms, median %.2f ms", cpuTimes[0], cpuTimes[cpuTimes.count / 2]))
        print(
            String(
                format: "baseline (parse + free only) CPU time: min %.2f ms, median %.2f ms",
                baselineCPU[0], baselineCPU[baselineCPU.count / 2]))
        print(String(format: "suggest: %.2f ms (one run), found %d items", Self.ms(suggestTime), suggestion?.itemCount ?? 0))
    }

    /// CPU time of the calling thread, so a loaded machine does not inflate the figure.
    static func threadCPUMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
    }

    static func ms(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// A card-grid page like a trade-press section page, repeated until it reaches `bytes`.
    static func listingPage(bytes: Int, cards: Int?) -> Data {
        var html = """
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>News | LocalGov Today</title></head>
            <body><header><nav><ul><li><a href="/news">News</a></li><li><a href="/jobs">Jobs</a></li></ul></nav></header>
            <main><div class="card-grid">\n
            """
        var index = 0
        let months = ["January", "February", "March", "April", "May", "June"]
        while html.utf8.count < bytes, index < cards ?? Int.max {
            index += 1
            html += """
                <article class="card"><a class="card__image" href="/news/story-\(index)"><img src="/img/\(index).jpg" alt=""></a>
                <p class="card__section">CHILDREN&#39;S SERVICES</p>
                <h2 class="card__title"><a href="/news/story-\(index)">Council story number \(index) &amp; what it means</a></h2>
                <p class="card__byline">By Jo Casebourne | \(String(format: "%02d", index % 28 + 1)) \(months[index % 6]) 2025</p>
                <p class="card__standfirst">Jo Casebourne examines why mentoring and <em>befriending</em> matters for young people - and what local leaders can do about it (\(index)).</p>
                </article>\n
                """
        }
        html += "</div></main><footer><ul>\n"
        // Filler as real pages carry it: navigation links and inline script/JSON state.
        var filler = 0
        while html.utf8.count < bytes {
            filler += 1
            html += "<li class=\"footer-nav__item\"><a href=\"/section/\(filler)\">Section \(filler)</a></li>\n"
            html += "<script>window.__STATE__.push({\"id\":\(filler),\"teaser\":\"Lorem ipsum dolor sit amet\"});</script>\n"
        }
        html += "</ul><p>&copy; LocalGov</p></footer></body></html>"
        return Data(html.utf8)
    }
}
