import Foundation
import Testing

@testable import GazetteKit

@Suite struct AtomicFileWriterTests {
    @Test func writesNewFileThenSkipsIdenticalBytes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("a.xml")
        #expect(try AtomicFileWriter().write(Array("one".utf8), to: url) == .written)
        #expect(try AtomicFileWriter().write(Array("one".utf8), to: url) == .unchanged)
        #expect(try AtomicFileWriter().write(Array("two".utf8), to: url) == .written)
        #expect(try String(contentsOf: url, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["a.xml"])
    }

    @Test func replacesByRenameSoOpenReadersKeepTheOldVersion() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("a.xml")
        _ = try AtomicFileWriter().write(Array("old".utf8), to: url)
        let reader = try FileHandle(forReadingFrom: url)
        defer { try? reader.close() }
        _ = try AtomicFileWriter().write(Array("new content".utf8), to: url)
        #expect(String(decoding: reader.readDataToEndOfFile(), as: UTF8.self) == "old")
        #expect(try String(contentsOf: url, encoding: .utf8) == "new content")
    }

    @Test func keepsTheModeOfTheFileItReplaces() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("a.xml")
        _ = try AtomicFileWriter().write(Array("old".utf8), to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        _ = try AtomicFileWriter().write(Array("new".utf8), to: url)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o640)
    }

    @Test func reportsAFolderItCannotWriteInAndLeavesNoTemporaryFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("missing-folder/a.xml")
        #expect(throws: PublishError.self) { try AtomicFileWriter().write(Array("x".utf8), to: url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }

    @Test func reportsATargetThatIsADirectoryAndCleansUp() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("child"), withIntermediateDirectories: true)
        do {
            _ = try AtomicFileWriter().write(Array("x".utf8), to: url)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("taken"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["taken"])
    }

    @Test func removesOnlyTemporaryFilesAnInterruptedRunLeft() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for name in [".tech.xml.tmp-a1B2c3", ".index.html.tmp-ZZZZZZ", ".keep.tmp-short", "tech.xml", ".hidden"] {
            try Data("x".utf8).write(to: dir.url.appendingPathComponent(name))
        }
        #expect(AtomicFileWriter().removeLeftovers(in: dir.url) == [".index.html.tmp-ZZZZZZ", ".tech.xml.tmp-a1B2c3"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == [".hidden", ".keep.tmp-short", "tech.xml"])
    }
}
