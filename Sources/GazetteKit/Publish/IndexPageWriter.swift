/// Renders `index.html`: a readable page listing each section's latest headlines with subscribe
/// links and feed autodiscovery, with inline CSS and no JavaScript.
///
/// It shows only what identifies a headline (title, link, source, day), so it changes only when
/// some section's latest headlines change.
struct IndexPageWriter {
    var site: SiteConfig
    /// Headlines shown per section.
    var headlinesPerSection: Int

    /// The HTML page, as UTF-8 bytes.
    func render(_ sections: [PublishedSection]) -> [UInt8] {
        let siteTitle = PublishedEntry.text(site.title) ?? "Gazette"
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Gazette \(esc(GazetteVersion.version))">
            <title>\(esc(siteTitle))</title>

            """
        for section in sections {
            html +=
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"\(esc(section.title))\" href=\"\(esc(section.id)).xml\">\n"
            html +=
                "<link rel=\"alternate\" type=\"application/feed+json\" title=\"\(esc(section.title)) (JSON Feed)\" href=\"\(esc(section.id)).json\">\n"
        }
        html += "<style>\n" + IndexPageWriter.css + "</style>\n</head>\n<body>\n<header>\n"
        html += "<h1>\(esc(siteTitle))</h1>\n"
        if let description = PublishedEntry.text(site.description) {
            html += "<p class=\"lede\">\(esc(description))</p>\n"
        }
        html += "<p class=\"meta\"><a href=\"sources.opml\">All sources (OPML)</a></p>\n</header>\n<main>\n"
        for section in sections {
            html += sectionHTML(section)
        }
        html += "</main>\n<footer><p>Published by <a href=\"\(esc(GazetteVersion.projectURL))\">Gazette</a>.</p></footer>\n"
        html += "</body>\n</html>\n"
        return Array(html.utf8)
    }

    private func sectionHTML(_ section: PublishedSection) -> String {
        var html = "<section id=\"section-\(esc(section.id))\">\n<h2>\(esc(section.title))</h2>\n"
        if let subtitle = section.subtitle {
            html += "<p class=\"lede\">\(esc(subtitle))</p>\n"
        }
        html += "<p class=\"subscribe\">Subscribe: <a href=\"\(esc(section.id)).xml\" type=\"application/atom+xml\">Atom</a>"
        html += " · <a href=\"\(esc(section.id)).json\" type=\"application/feed+json\">JSON Feed</a></p>\n"
        let headlines = section.entries.prefix(max(0, headlinesPerSection))
        if headlines.isEmpty {
            html += "<p class=\"empty\">No articles yet.</p>\n"
        } else {
            html += "<ol>\n"
            for entry in headlines {
                let title = entry.title.isEmpty ? "(untitled)" : entry.title
                html += "<li>"
                if let link = entry.link {
                    html += "<a href=\"\(esc(link))\" rel=\"noopener noreferrer\"><bdi>\(esc(title))</bdi></a>"
                } else {
                    html += "<span class=\"title\"><bdi>\(esc(title))</bdi></span>"
                }
                var meta: [String] = []
                if let source = entry.sourceTitle { meta.append("<bdi>" + esc(source) + "</bdi>") }
                meta.append("<time datetime=\"\(PublishDate.rfc3339(entry.updated))\">\(PublishDate.day(entry.updated))</time>")
                html += " <span class=\"meta\">" + meta.joined(separator: " · ") + "</span></li>\n"
            }
            html += "</ol>\n"
        }
        return html + "</section>\n"
    }

    private func esc(_ text: String) -> String { XMLWriter.escapeAttribute(text) }

    static let css = """
        :root { color-scheme: light dark; --fg: #1d1d1f; --muted: #6e6e73; --accent: #0b5cad; --bg: #fbfbfd; --rule: #d2d2d7; }
        @media (prefers-color-scheme: dark) { :root { --fg: #f5f5f7; --muted: #a1a1a6; --accent: #6cb4ff; --bg: #161617; --rule: #424245; } }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 3rem; font: 17px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
        header { border-bottom: 3px double var(--rule); margin-bottom: 1.5rem; }
        h1 { font-family: Georgia, "Times New Roman", serif; font-size: 2.4rem; margin: 0 0 .25rem; }
        h2 { font-family: Georgia, "Times New Roman", serif; font-size: 1.5rem; margin: 2rem 0 .25rem; border-bottom: 1px solid var(--rule); }
        a { color: var(--accent); text-decoration: none; }
        a:hover, a:focus { text-decoration: underline; }
        .lede { color: var(--muted); margin: .25rem 0; }
        .meta, .subscribe, footer { color: var(--muted); font-size: .85rem; }
        ol { padding-left: 1.4rem; }
        li { margin: .45rem 0; overflow-wrap: anywhere; }
        footer { border-top: 1px solid var(--rule); margin-top: 2.5rem; }
        time { white-space: nowrap; }

        """
}
