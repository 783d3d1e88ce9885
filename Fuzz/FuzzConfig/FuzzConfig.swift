import Foundation
import FuzzDriver
import GazetteKit

/// Any bytes as `feeds.json`: never a crash, and every problem reported points at a line:column.
@main enum FuzzConfig {
    static let directory = URL(fileURLWithPath: "/nonexistent-fuzz-dir", isDirectory: true)

    static func main() {
        FuzzDriver.run { bytes in
            do throws(ConfigError) {
                _ = try GazetteConfig.parse(Data(bytes), baseDirectory: directory)
            } catch {
                switch error {
                case .invalid(_, let issues):
                    fuzzCheck(!issues.isEmpty, "an invalid configuration with no issue")
                    for issue in issues {
                        fuzzCheck(issue.line != nil && issue.column != nil, "no line:column: \(issue)")
                        fuzzCheck(!issue.message.isEmpty, "an issue without a message")
                    }
                default:
                    fuzzCheck(false, "unexpected error for bytes in memory: \(error)")
                }
            }
        }
    }
}
