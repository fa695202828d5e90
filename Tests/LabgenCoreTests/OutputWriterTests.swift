import Foundation
import Testing

@testable import LabgenCore

/// A fresh temporary folder, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("labgen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func read(_ path: String) -> String? { try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8) }

    func write(_ path: String, _ text: String) throws {
        let target = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: target, atomically: false, encoding: .utf8)
    }

    func inode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(path).path))?[.systemFileNumber]
            as? Int
    }

    /// Every file below the folder with its contents.
    func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = read(path) ?? "<unreadable>" }
        }
        return result
    }
}

struct InjectedFailure: Error {}

func rendered(_ files: [(String, String)], name: String = "lab") -> RenderedLab {
    RenderedLab(name: name, artifacts: files.map { Artifact(path: $0.0, kind: .kindConfig, contents: $0.1) })
}

@Suite("Output writer")
struct OutputWriterTests {
    @Test func aFileOfTheUsersWhereLabgenNowGeneratesOneIsRefusedNotOverwritten() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(root: folder.url)
        try writer.write(rendered([("kind.yaml", "a: 1\n")]))
        // The user keeps a lab.sh of their own; a newer lab (or labgen) now generates lab.sh.
        try folder.write("lab/lab.sh", "echo mine\n")
        let before = folder.snapshot()
        #expect(throws: OutputError.self) {
            try writer.write(rendered([("kind.yaml", "a: 2\n"), ("lab.sh", "echo generated\n")]))
        }
        #expect(folder.snapshot() == before)
        do {
            try writer.write(rendered([("kind.yaml", "a: 2\n"), ("lab.sh", "echo generated\n")]))
        } catch {
            #expect(error.path.hasSuffix("/lab/lab.sh"))
            #expect(error.message.hasPrefix("exists, but labgen did not write it"))
        }
    }

    @Test func writesANewLabWithItsManifest() throws {
        let folder = try TemporaryFolder()
        let report = try OutputWriter(root: folder.url).write(
            rendered([("kind.yaml", "a\n"), ("kubeadm/n1.yaml", "b\n")]))
        #expect(report.written == ["kind.yaml", "kubeadm/n1.yaml"])
        #expect(folder.read("lab/kind.yaml") == "a\n")
        #expect(folder.read("lab/kubeadm/n1.yaml") == "b\n")
        #expect(
            OutputWriter.readManifest(in: folder.url.appendingPathComponent("lab")) == ["kind.yaml", "kubeadm/n1.yaml"])
        #expect(folder.snapshot().keys.sorted() == ["lab/.labgen-manifest", "lab/kind.yaml", "lab/kubeadm/n1.yaml"])
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(root: folder.url)
        try writer.write(rendered([("kind.yaml", "a\n"), ("clab.yaml", "c\n")]))
        let before = folder.inode("lab/kind.yaml")
        let nothing = try writer.write(rendered([("kind.yaml", "a\n"), ("clab.yaml", "c\n")]))
        #expect(!nothing.changed)
        #expect(folder.inode("lab/kind.yaml") == before)
        let some = try writer.write(rendered([("kind.yaml", "a\n"), ("clab.yaml", "changed\n")]))
        #expect(some.written == ["clab.yaml"])
        #expect(some.unchanged == ["kind.yaml"])
        #expect(folder.inode("lab/kind.yaml") == before, "an unchanged file is carried over, not rewritten")
        #expect(folder.read("lab/clab.yaml") == "changed\n")
    }

    @Test func removesOnlyStaleFilesItGenerated() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(root: folder.url)
        try writer.write(rendered([("kind.yaml", "a\n"), ("kubeadm/old.yaml", "o\n")]))
        try folder.write("lab/NOTES.md", "mine\n")
        try folder.write("lab/kubeadm/extra.yaml", "also mine\n")
        let report = try writer.write(rendered([("kind.yaml", "a\n"), ("kubeadm/new.yaml", "n\n")]))
        #expect(report.removed == ["kubeadm/old.yaml"])
        #expect(folder.read("lab/kubeadm/old.yaml") == nil)
        #expect(folder.read("lab/NOTES.md") == "mine\n")
        #expect(folder.read("lab/kubeadm/extra.yaml") == "also mine\n")
        #expect(folder.read("lab/kubeadm/new.yaml") == "n\n")
    }

    @Test func aFailureBetweenFileWritesLeavesTheOldFolderIntact() throws {
        let folder = try TemporaryFolder()
        try OutputWriter(root: folder.url).write(
            rendered([("a.yaml", "old a\n"), ("b.yaml", "old b\n"), ("c.yaml", "old c\n")]))
        let before = folder.snapshot()
        for failAt in ["a.yaml", "b.yaml", "c.yaml", OutputWriter.manifestName] {
            var writer = OutputWriter(root: folder.url)
            writer.beforeWrite = { path in if path == failAt { throw InjectedFailure() } }
            #expect(throws: (any Error).self) {
                try writer.write(rendered([("a.yaml", "new a\n"), ("b.yaml", "new b\n"), ("c.yaml", "new c\n")]))
            }
            #expect(folder.snapshot() == before, "failing before \(failAt) changed out/")
        }
        // The next build completes normally.
        try OutputWriter(root: folder.url).write(
            rendered([("a.yaml", "new a\n"), ("b.yaml", "new b\n"), ("c.yaml", "new c\n")]))
        #expect(folder.read("lab/b.yaml") == "new b\n")
    }

    @Test func recoversFromAnInterruptedPairOfRenames() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(root: folder.url)
        try writer.write(rendered([("a.yaml", "a\n")]))
        // Simulate a kill between "move old away" and "move new in".
        try FileManager.default.moveItem(
            at: folder.url.appendingPathComponent("lab"), to: folder.url.appendingPathComponent(".labgen-lab.old"))
        try writer.recover("lab")
        #expect(folder.read("lab/a.yaml") == "a\n")
        #expect(folder.read(".labgen-lab.old/a.yaml") == nil)
    }

    @Test(
        "refuses paths that leave the output folder",
        arguments: ["../escape.yaml", "/etc/passwd", "a/../../b", "a//b", "./a", "a\u{0}b", ".labgen-manifest"])
    func refusesEscapingPaths(path: String) throws {
        let folder = try TemporaryFolder()
        #expect(throws: OutputError.self) { try OutputWriter(root: folder.url).write(rendered([(path, "x\n")])) }
        #expect(folder.snapshot().isEmpty)
    }

    @Test("refuses lab names that are not one plain folder", arguments: ["..", ".", "a/b", "", ".hidden", "a\u{7}"])
    func refusesBadLabNames(name: String) throws {
        let folder = try TemporaryFolder()
        #expect(throws: OutputError.self) {
            try OutputWriter(root: folder.url).write(rendered([("kind.yaml", "x\n")], name: name))
        }
    }

    @Test func refusesToWriteThroughASymlinkedLabFolder() throws {
        let folder = try TemporaryFolder()
        let elsewhere = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(
            at: folder.url.appendingPathComponent("lab"), withDestinationURL: elsewhere.url)
        #expect(throws: OutputError.self) { try OutputWriter(root: folder.url).write(rendered([("kind.yaml", "x\n")])) }
        #expect(elsewhere.snapshot().isEmpty)
    }

    @Test func executableBitIsPartOfFreshness() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(root: folder.url)
        let script = RenderedLab(
            name: "lab",
            artifacts: [Artifact(path: "bridges.sh", kind: .bridgeScript, contents: "#!/bin/sh\n", executable: true)])
        try writer.write(script)
        let mode =
            try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent("lab/bridges.sh").path)[
                .posixPermissions] as? Int
        #expect(mode == 0o755)
        #expect(!(try writer.write(script)).changed)
    }

    /// A folder whose generated files are all gone is removed, unless something else is in it.
    @Test func aFolderOfOnlyObsoleteFilesIsRemoved() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(root: folder.url)
        try writer.write(rendered([("kind.yaml", "a\n"), ("kubeadm/n1.yaml", "b\n"), ("other/x.yaml", "c\n")]))
        try folder.write("lab/other/mine.txt", "mine\n")
        try writer.write(rendered([("kind.yaml", "a\n"), ("kubeadm.yaml", "b\n")]))
        #expect(
            folder.snapshot().keys.sorted() == [
                "lab/.labgen-manifest", "lab/kind.yaml", "lab/kubeadm.yaml", "lab/other/mine.txt",
            ])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("lab/kubeadm").path))
    }
}
