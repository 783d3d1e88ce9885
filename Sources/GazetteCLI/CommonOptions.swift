import ArgumentParser
import Foundation
import GazetteKit
import Logging

/// Options every configuration-driven command shares: where `feeds.json` is, and how chatty to be.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file.")
    var config: String = "feeds.json"

    @Flag(name: .shortAndLong, help: "Print only problems: nothing at all when everything is fine.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log each request and decision to standard error.")
    var verbose = false

    var configURL: URL { URL(fileURLWithPath: config).standardizedFileURL }

    /// Sets up swift-log on standard error at the level the flags ask for, and returns a logger.
    func makeLogger() -> Logger {
        let level: Logger.Level = verbose ? .debug : (quiet ? .error : .notice)
        Console.bootstrapLogging(level: level)
        var logger = Logger(label: "gazette")
        logger.logLevel = level
        return logger
    }

    /// Loads and validates the configuration, or prints every problem and exits with status 2.
    func loadConfig() throws -> GazetteConfig {
        do {
            return try GazetteRunner.loadConfig(from: configURL)
        } catch {
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
