import Foundation

/// Reads fetch intervals written as durations with units (`"30m"`, `"2h"`, `"1h30m"`, `"1d"`).
///
/// A bare number is refused on purpose: "30" could mean seconds or minutes, and a wrong guess
/// either hammers a server or silently stops a feed.
enum IntervalText {
    /// Seconds for each accepted unit.
    static let units: [(name: String, seconds: Double)] = [
        ("s", 1), ("sec", 1), ("m", 60), ("min", 60), ("h", 3600), ("d", 86_400),
    ]

    /// Seconds for a duration such as `45s`, `30m`, `2h`, `1h30m`, `1.5h` or `1d`; nil when malformed.
    static func seconds(_ text: String) -> TimeInterval? {
        var total = 0.0
        var sawGroup = false
        var scalars = Substring(text.lowercased()).unicodeScalars[...]
        func skipSpaces() { while let s = scalars.first, s == " " { scalars.removeFirst() } }
        skipSpaces()
        while !scalars.isEmpty {
            var number = ""
            while let s = scalars.first, ("0"..."9").contains(s) || s == "." {
                number.unicodeScalars.append(s)
                scalars.removeFirst()
            }
            skipSpaces()
            var unit = ""
            while let s = scalars.first, ("a"..."z").contains(s) {
                unit.unicodeScalars.append(s)
                scalars.removeFirst()
            }
            skipSpaces()
            guard let value = Double(number), let factor = units.first(where: { $0.name == unit })?.seconds else { return nil }
            total += value * factor
            sawGroup = true
        }
        return sawGroup && total > 0 && total.isFinite ? total : nil
    }
}
