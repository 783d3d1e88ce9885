/// Renders a section's archive as pages people read: `<section>/archive/index.html` listing every
/// month with its Atom and JSON Feed documents, and `<YYYY-MM>.html` with that month's headlines.
///
/// Same look as `index.html` (shared CSS), no JavaScript; a closed month's page is written once,
/// like its feeds.
struct ArchivePageWriter {
    var site: SiteConfig

    /// The archive index of `section` (its head), months newest first.
    func renderIndex(_ section: PublishedSection, periods: [ArchivePeriod]) -> [UInt8] {
        let title = section.title + " — archive"
        var html = IndexPageWriter.head(title: title, language: section.language ?? site.language)
        html += "<style>\n" + IndexPageWriter.css + "</style>\n</head>\n<body>\n<header>\n"
        html += "<h1>\(esc(title))</h1>\n"
        html += "<p class=\"meta\"><a href=\"../../index.html\">Front page</a> · "
        html += "Current feed: <a href=\"../../\(esc(section.id)).xml\" type=\"application/atom+xml\">Atom</a>"
        html += " · <a href=\"../../\(esc(section.id)).json\" type=\"application/feed+json\">JSON Feed</a></p>\n"
        html += "</header>\n<main>\n<ul class=\"months\">\n"
        for period in periods.reversed() {
            html += "<li><a href=\"\(period.name).html\">\(period.name)</a> <span class=\"meta\">"
            html += "<a href=\"\(period.name).xml\" type=\"application/atom+xml\">Atom</a> · "
            html += "<a href=\"\(period.name).json\" type=\"application/feed+json\">JSON Feed</a></span></li>\n"
        }
        html += "</ul>\n" + IndexPageWriter.footer
        return Array(html.utf8)
    }

    /// One month's page: every entry the section published that month, newest first.
    func renderMonth(_ archive: PublishedSection) -> [UInt8] {
        let period = archive.history?.period?.name ?? ""
        var html = IndexPageWriter.head(title: archive.title, language: archive.language ?? site.language)
        html += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"\(esc(archive.title))\" href=\"\(period).xml\">\n"
        html += "<style>\n" + IndexPageWriter.css + "</style>\n</head>\n<body>\n<header>\n"
        html += "<h1>\(esc(archive.title))</h1>\n"
        html += "<p class=\"meta\"><a href=\"index.html\">All months</a>"
        if let previous = archive.history?.previous { html += " · <a href=\"\(previous.name).html\">\(previous.name)</a>" }
        if let next = archive.history?.next { html += " · <a href=\"\(next.name).html\">\(next.name)</a>" }
        html += " · <a href=\"\(period).xml\" type=\"application/atom+xml\">Atom</a>"
        html += " · <a href=\"\(period).json\" type=\"application/feed+json\">JSON Feed</a></p>\n</header>\n<main>\n"
        html += IndexPageWriter.headlines(archive.entries, in: archive, empty: "Nothing was published this month.")
        html += IndexPageWriter.footer
        return Array(html.utf8)
    }

    private func esc(_ text: String) -> String { XMLWriter.escapeAttribute(text) }
}
