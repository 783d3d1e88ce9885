import Foundation
import Logging

/// Writing to the terminal: errors and problems to standard error, a progress bar only on a terminal.
enum Console {
    /// Sends swift-log output to standard error at `level`; call once per process (each command does).
    static func bootstrapLogging(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("gazette: " + message + "\n").utf8))
    }

    /// Something worth knowing that needs no action (printed unless `--quiet`).
    static func note(_ message: String) {
        FileHandle.standardError.write(Data(("note: " + message + "\n").utf8))
    }

    static func problem(_ message: String) {
        FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
    }

    /// True when standard error is an interactive terminal (never under cron).
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    /// Draws `done/total` as a one-line bar on standard error (call only when interactive).
    static func progress(_ done: Int, _ total: Int) {
        guard total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(done)/\(total) feeds".utf8))
    }

    static func clearProgress() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
