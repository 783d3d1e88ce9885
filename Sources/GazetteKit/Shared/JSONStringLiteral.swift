/// Writes a JSON string literal by hand, for the places that emit JSON text themselves (the parse
/// contract, `feeds.json` edits, suggested rules) to keep key order and formatting under control.
enum JSONStringLiteral {
    /// `value` quoted, with `"`, `\`, control characters and U+2028/U+2029 escaped.
    static func quote(_ value: String) -> String {
        var out = "\""
        append(value, to: &out)
        out += "\""
        return out
    }

    /// Appends the escaped body of `value` (without quotes) to `output`.
    static func append(_ value: String, to output: inout String) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
