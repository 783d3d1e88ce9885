extension FeedDate {
    /// What a word inside a date string means.
    enum Word: Sendable, Equatable {
        case month(Int)
        /// A month name in another western European language (German, French, Spanish, Italian,
        /// Dutch, Portuguese). Some are also English words (`set`, `out`, `ago`), so they name
        /// the month only when no other month name came first.
        case foreignMonth(Int)
        /// A time zone, in seconds east of UTC; `isUTCName` for GMT/UT/UTC/Z, which a following
        /// numeric offset may refine (`GMT-05:00`).
        case zone(Int, isUTCName: Bool)
        case militaryZone(Int)
        case am
        case pm
        /// Korean 오전 / 오후 (AM / PM), which also imply Korean Standard Time when no zone is given.
        case koreanAM
        case koreanPM
        case unknown
    }

    /// Classifies the word in `bytes` (ASCII case-insensitive; a few non-ASCII month names).
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> Word {
        let count = bytes.count
        guard count > 0 else { return .unknown }
        var key: UInt64 = 0
        var ascii = true
        for byte in bytes {
            if byte >= 0x80 { ascii = false; break }
            key = key << 8 | UInt64(byte | 0x20)
        }
        if ascii {
            if count == 1 {
                return militaryZone(bytes[0] | 0x20)
            }
            if count >= 3, let month = englishMonth(bytes) { return .month(month) }
            if count <= 8, let word = asciiWords[key] { return word }
            if count > 8 { return longWords[String(decoding: bytes, as: UTF8.self).lowercased()] ?? .unknown }
            return .unknown
        }
        return longWords[String(decoding: bytes, as: UTF8.self).lowercased()] ?? .unknown
    }

    /// `jan`, `janu`, …, `january` (any prefix of the full name that is at least 3 letters), `sept`.
    private static func englishMonth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let a = bytes[0] | 0x20, b = bytes[1] | 0x20, c = bytes[2] | 0x20
        let month: Int
        switch (a, b, c) {
        case (0x6A, 0x61, 0x6E): month = 1  // jan
        case (0x66, 0x65, 0x62): month = 2  // feb
        case (0x6D, 0x61, 0x72): month = 3  // mar
        case (0x61, 0x70, 0x72): month = 4  // apr
        case (0x6D, 0x61, 0x79): month = 5  // may
        case (0x6A, 0x75, 0x6E): month = 6  // jun
        case (0x6A, 0x75, 0x6C): month = 7  // jul
        case (0x61, 0x75, 0x67): month = 8  // aug
        case (0x73, 0x65, 0x70): month = 9  // sep
        case (0x6F, 0x63, 0x74): month = 10  // oct
        case (0x6E, 0x6F, 0x76): month = 11  // nov
        case (0x64, 0x65, 0x63): month = 12  // dec
        default: return nil
        }
        let full = englishMonthNames[month - 1]
        guard bytes.count <= full.count else { return nil }
        for index in 3..<bytes.count where bytes[index] | 0x20 != full[index] { return nil }
        return month
    }

    private static let englishMonthNames: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ].map { Array($0.utf8) }

    /// RFC 822's military zones (A–I = −1…−9, K–M = −10…−12, N–Y = +1…+12, Z = UTC), read with
    /// RFC 822's signs as feedparser does.
    private static func militaryZone(_ letter: UInt8) -> Word {
        switch letter {
        case 0x7A: return .zone(0, isUTCName: true)
        case 0x61...0x69: return .militaryZone(-Int(letter - 0x60) * 3600)
        case 0x6B...0x6D: return .militaryZone(-Int(letter - 0x61) * 3600)
        case 0x6E...0x79: return .militaryZone(Int(letter - 0x6D) * 3600)
        default: return .unknown
        }
    }

    private static func pack(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 8 | UInt64($1 | 0x20) }
    }

    /// Zone abbreviations (hours east of UTC) seen in feeds; North American and European names
    /// first, then the most common others. Ambiguous IST is read as India (most feeds using it).
    private static let zoneHours: [(String, Double)] = [
        ("ut", 0), ("utc", 0), ("gmt", 0), ("z", 0), ("zulu", 0), ("wet", 0),
        ("adt", -3), ("ast", -4), ("at", -4), ("edt", -4), ("est", -5), ("et", -5),
        ("cdt", -5), ("cst", -6), ("ct", -6), ("mdt", -6), ("mst", -7), ("mt", -7),
        ("pdt", -7), ("pst", -8), ("pt", -8), ("akdt", -8), ("akst", -9), ("hdt", -9),
        ("hst", -10), ("hast", -10), ("hadt", -9), ("ndt", -2.5), ("nst", -3.5),
        ("brt", -3), ("brst", -2), ("art", -3), ("clt", -4), ("clst", -3),
        ("bst", 1), ("ist", 5.5), ("cet", 1), ("cest", 2), ("met", 1), ("mest", 2), ("mez", 1),
        ("mesz", 2), ("eet", 2), ("eest", 3), ("west", 1), ("wat", 1), ("cat", 2), ("eat", 3),
        ("sast", 2), ("msk", 3), ("msd", 4), ("idt", 3), ("pkt", 5), ("ict", 7), ("wib", 7),
        ("hkt", 8), ("sgt", 8), ("pht", 8), ("awst", 8), ("jst", 9), ("kst", 9),
        ("acst", 9.5), ("acdt", 10.5), ("aest", 10), ("aedt", 11), ("nzst", 12), ("nzdt", 13),
    ]

    private static let asciiWords: [UInt64: Word] = {
        var table: [UInt64: Word] = [:]
        for (name, hours) in zoneHours {
            let isUTC = ["ut", "utc", "gmt", "z", "zulu"].contains(name)
            table[pack(name)] = .zone(Int(hours * 3600), isUTCName: isUTC)
        }
        table[pack("am")] = .am
        table[pack("pm")] = .pm
        for (name, month) in foreignMonthNames where name.utf8.count <= 8 && name.utf8.allSatisfy({ $0 < 0x80 }) {
            table[pack(name)] = table[pack(name)] ?? .foreignMonth(month)
        }
        return table
    }()

    /// German, French, Spanish, Italian, Dutch and Portuguese month names and abbreviations that
    /// differ from the English ones.
    private static let foreignMonthNames: [(String, Int)] = {
        let names: [[String]] = [
            ["januar", "janv", "janvier", "ene", "enero", "gen", "gennaio", "januari", "janeiro"],
            ["februar", "févr", "fevr", "février", "febrero", "febbraio", "februari", "fev", "fevereiro"],
            ["mär", "märz", "maerz", "mrz", "mars", "marzo", "mrt", "maart", "março", "marco"],
            ["avr", "avril", "abr", "abril", "aprile"],
            ["mai", "mayo", "mag", "maggio", "mei", "maio"],
            ["juni", "juin", "junio", "giu", "giugno", "junho"],
            ["juli", "juil", "juillet", "julio", "lug", "luglio", "julho"],
            ["août", "aout", "ago", "agosto", "augustus"],
            ["septembre", "septiembre", "set", "settembre", "setembro"],
            ["okt", "oktober", "octobre", "octubre", "ott", "ottobre", "out", "outubro"],
            ["novembre", "noviembre", "novembro"],
            ["dez", "dezember", "déc", "décembre", "dic", "diciembre", "dicembre", "dezembro"],
        ]
        return names.enumerated().flatMap { index, list in list.map { ($0, index + 1) } }
    }()

    /// Words looked up by their lower-cased text: non-ASCII and long names (Greek, Hungarian, Korean).
    private static let longWords: [String: Word] = {
        var table: [String: Word] = [:]
        let hungarian = [
            "január", "február", "március", "április", "május", "június", "július",
            "augusztus", "szeptember", "október", "november", "december",
        ]
        for (index, name) in hungarian.enumerated() { table[name] = .month(index + 1) }
        let greek: [(String, Int)] = [
            ("Ιαν", 1), ("Φεβ", 2), ("Μάώ", 3), ("Μαώ", 3), ("Μαρ", 3), ("Μάρ", 3), ("Απρ", 4),
            ("Μάι", 5), ("Μαϊ", 5), ("Μαι", 5), ("Ιούν", 6), ("Ιον", 6), ("Ιουν", 6),
            ("Ιούλ", 7), ("Ιολ", 7), ("Ιουλ", 7), ("Αύγ", 8), ("Αυγ", 8), ("Σεπ", 9), ("Οκτ", 10),
            ("Νοέ", 11), ("Νοε", 11), ("Δεκ", 12),
        ]
        for (name, month) in greek { table[name.lowercased()] = .month(month) }
        for (name, month) in foreignMonthNames where table[name] == nil {
            table[name] = .foreignMonth(month)
        }
        table["오전"] = .koreanAM
        table["오후"] = .koreanPM
        return table
    }()
}
