import ArgumentParser
import Foundation
import GazetteKit

/// `gazette remove URL`: take a source out of `feeds.json`, leaving the rest of the file as it was.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a source from feeds.json.")

    @Argument(help: "The source's URL as listed in feeds.json.")
    var url: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        _ = common.makeLogger()
        do {
            _ = try FeedsFileEditor(file: common.configURL).remove(url: url)
        } catch {
            Console.error(error.description)
            throw ExitCode(2)
        }
        if !common.quiet { print("Removed \(url) from \(common.config).") }
    }
}
