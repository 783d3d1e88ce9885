import CFuzzDriver
import Foundation

/// Runs libFuzzer with `body` as the per-input callback; `body` checks its invariants with
/// `fuzzCheck`, so a broken invariant is a crash libFuzzer saves and reports.
///
/// Each fuzz target is an executable with its own `@main` (SwiftPM names the entry point), which
/// hands its closure to libFuzzer's `LLVMFuzzerRunDriver` here.
public enum FuzzDriver {
    nonisolated(unsafe) private static var body: ((UnsafeBufferPointer<UInt8>) -> Void)?

    public static func run(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
        Self.body = body
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = withUnsafeMutablePointer(to: &argv) { argvPointer in
            argvPointer.withMemoryRebound(to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1) {
                LLVMFuzzerRunDriver(&argc, $0) { data, size in
                    FuzzDriver.body?(UnsafeBufferPointer(start: data, count: size))
                    return 0
                }
            }
        }
        exit(status)
    }
}

/// Stops the fuzzer with `message` (and the input, which libFuzzer saves) when `condition` is false.
public func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        FileHandle.standardError.write(Data("invariant broken: \(message())\n".utf8))
        abort()
    }
}
