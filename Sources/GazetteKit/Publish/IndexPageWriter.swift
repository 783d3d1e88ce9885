import Foundation

/// Renders `index.html`: a readable page listing each section's latest headlines (source and time)
/// with subscribe links, a link to the section's archive and feed autodiscovery, with inline CSS
/// and no JavaScript, readable from a phone's width to a desktop's.
///
/// It shows only what identifies a headline (title, link, source, time), so it changes only when
/// some section's latest headlines change.
struct IndexPageWriter {
    var site: SiteConfig
    /// Headlines shown per section.
    var headlinesPerSection: Int
    /// Section ids that have an archive (`<id>/archive/`), linked from their section.
    var archivedSections: Set<String> = []

    /// The HTML page, as UTF-8 bytes.
    func render(_ sections: [PublishedSection]) -> [UInt8] {
        let siteTitle = PublishedEntry.text(site.title) ?? "Gazette"
        var html = IndexPageWriter.head(title: siteTitle, language: site.language)
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
        if sections.count > 1 {
            html += "<nav aria-label=\"Sections\"><ul>\n"
            for section in sections {
                html += "<li><a href=\"#section-\(esc(section.id))\">\(esc(section.title))</a></li>\n"
            }
            html += "</ul></nav>\n"
        }
        html += "<p class=\"meta\"><a href=\"sources.opml\">All sources (OPML)</a></p>\n</header>\n<main>\n"
        for section in sections {
            html += sectionHTML(section)
        }
        html += IndexPageWriter.footer
        return Array(html.utf8)
    }

    private func sectionHTML(_ section: PublishedSection) -> String {
        let lang =
            section.language?.lowercased() != site.language?.lowercased() ? section.language.map { " lang=\"\(esc($0))\"" } ?? "" : ""
        var html = "<section id=\"section-\(esc(section.id))\"\(lang)>\n<h2>\(esc(section.title))</h2>\n"
        if let subtitle = section.subtitle {
            html += "<p class=\"lede\">\(esc(subtitle))</p>\n"
        }
        html += "<p class=\"subscribe\">Subscribe: <a href=\"\(esc(section.id)).xml\" type=\"application/atom+xml\">Atom</a>"
        html += " · <a href=\"\(esc(section.id)).json\" type=\"application/feed+json\">JSON Feed</a>"
        if archivedSections.contains(section.id) {
            html += " · <a href=\"\(esc(section.id))/archive/\">Archive</a>"
        }
        html += "</p>\n"
        html += IndexPageWriter.headlines(
            Array(section.entries.prefix(max(0, headlinesPerSection))), in: section, empty: "No articles yet.")
        return html + "</section>\n"
    }

    private func esc(_ text: String) -> String { XMLWriter.escapeAttribute(text) }

    /// The document start up to the open `<head>`'s metadata (the caller adds links, style, `</head>`).
    static func head(title: String, language: String?) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(XMLWriter.escapeAttribute(language ?? "en"))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="Gazette \(XMLWriter.escapeAttribute(GazetteVersion.version))">
        <title>\(XMLWriter.escapeAttribute(title))</title>

        """
    }

    static let footer =
        "</main>\n<footer><p>Published by <a href=\"\(XMLWriter.escapeAttribute(GazetteVersion.projectURL))\">Gazette</a>.</p></footer>\n"
        + "</body>\n</html>\n"

    /// An ordered list of headlines (title linked, source, time in UTC), or `empty` as a paragraph.
    static func headlines(_ entries: [PublishedEntry], in section: PublishedSection, empty: String) -> String {
        guard !entries.isEmpty else { return "<p class=\"empty\">\(XMLWriter.escapeText(empty))</p>\n" }
        var html = "<ol class=\"headlines\">\n"
        for entry in entries {
            let esc = XMLWriter.escapeAttribute
            let title = entry.title.isEmpty ? "(untitled)" : entry.title
            let lang = entry.language(differingFrom: section.language).map { " lang=\"\(esc($0))\"" } ?? ""
            html += "<li\(lang)>"
            if let link = entry.link {
                html += "<a href=\"\(esc(link))\" rel=\"noopener noreferrer\"><bdi>\(esc(title))</bdi></a>"
            } else {
                html += "<span class=\"title\"><bdi>\(esc(title))</bdi></span>"
            }
            var meta: [String] = []
            if let source = entry.sourceTitle { meta.append("<bdi>" + esc(source) + "</bdi>") }
            meta.append(
                "<time datetime=\"\(PublishDate.rfc3339(entry.updated))\">\(PublishDate.day(entry.updated)) \(minute(entry.updated)) UTC</time>"
            )
            html += " <span class=\"meta\">" + meta.joined(separator: " · ") + "</span></li>\n"
        }
        return html + "</ol>\n"
    }

    /// `HH:MM` of `date` in UTC.
    private static func minute(_ date: Date) -> String {
        let text = PublishDate.rfc3339(date)
        let time = text.split(separator: "T").last ?? ""
        return String(time.prefix(5))
    }

    static let css = """
        :root { --fg: #1d1d1f; --muted: #6e6e73; --accent: #0b5cad; --bg: #fbfbfd; --rule: #d2d2d7; }
        @media (prefers-color-scheme: dark) { :root { --fg: #f5f5f7; --muted: #a1a1a6; --accent: #6cb4ff; --bg: #161617; --rule: #424245; } }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1rem 3rem; font: 17px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
        header { border-bottom: 3px double var(--rule); margin-bottom: 1.5rem; }
        h1 { font-family: Georgia, "Times New Roman", serif; font-size: clamp(1.8rem, 7vw, 2.4rem); line-height: 1.15; margin: 0 0 .25rem; }
        h2 { font-family: Georgia, "Times New Roman", serif; font-size: 1.5rem; margin: 2rem 0 .25rem; border-bottom: 1px solid var(--rule); }
        a { color: var(--accent); text-decoration: none; }
        a:hover, a:focus { text-decoration: underline; }
        nav ul { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        nav li { margin: 0; }
        nav a { display: inline-block; padding: .2rem 0; }
        .lede { color: var(--muted); margin: .25rem 0; }
        .meta, .subscribe, footer { color: var(--muted); font-size: .85rem; }
        .subscribe a { display: inline-block; padding: .3rem 0; }
        ol { padding-left: 1.4rem; }
        li { margin: .6rem 0; overflow-wrap: anywhere; }
        .headlines .meta { display: block; }
        .months { list-style: none; padding: 0; }
        footer { border-top: 1px solid var(--rule); margin-top: 2.5rem; }
        time { white-space: nowrap; }

        """
}
