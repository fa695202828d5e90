import Foundation
import Testing

@testable import LabgenCore

/// Nothing is ever written through a symbolic link below the output folder, a symlinked output
/// folder is refused, stray links at labgen's temporary names never become a lab folder, and
/// several labs are written all or nothing.
@Suite("Output writer: symbolic links and all-or-nothing")
struct OutputWriterLinkTests {
    let fm = FileManager.default

    func link(_ folder: TemporaryFolder, _ path: String, to target: URL) throws {
        try fm.createSymbolicLink(
            atPath: folder.url.appendingPathComponent(path).path, withDestinationPath: target.path)
    }

    func isLink(_ url: URL) -> Bool { OutputWriter.fileType(url.path) == S_IFLNK }

    /// The OutputError `body` throws (nil, and a recorded issue, when it throws none).
    func outputError(_ what: String, _ body: () throws -> Void) -> OutputError? {
        do {
            try body()
            Issue.record("\(what) was not refused")
        } catch let error as OutputError {
            return error
        } catch {
            Issue.record("\(what): unexpected error \(error)")
        }
        return nil
    }

    @Test func aSymlinkedSubfolderOfALabIsAnErrorAndNothingIsWrittenThere() throws {
        let folder = try TemporaryFolder()
        let elsewhere = try TemporaryFolder()
        try elsewhere.write("theirs.txt", "keep\n")
        let writer = OutputWriter(root: folder.url)
        try writer.write(rendered([("kind.yaml", "a\n"), ("kubeadm/n1.yaml", "b\n"), ("kubeadm/n2.yaml", "c\n")]))
        try fm.removeItem(at: folder.url.appendingPathComponent("lab/kubeadm"))
        try link(folder, "lab/kubeadm", to: elsewhere.url)
        let before = folder.snapshot()

        let error = outputError("writing through out/lab/kubeadm") {
            try writer.write(
                rendered([("kind.yaml", "new\n"), ("kubeadm/n1.yaml", "b\n"), ("kubeadm/n2.yaml", "c\n")]))
        }
        #expect(error?.path == folder.url.appendingPathComponent("lab/kubeadm").path)
        #expect(error?.message.contains("symbolic link") == true, "\(String(describing: error))")
        #expect(elsewhere.snapshot() == ["theirs.txt": "keep\n"], "labgen wrote into the link's target")
        #expect(folder.snapshot() == before)
        #expect(isLink(folder.url.appendingPathComponent("lab/kubeadm")))
        #expect(try fm.contentsOfDirectory(atPath: folder.url.path) == ["lab"], "a temporary folder was left")
    }

    @Test func aSymlinkWhereAFileIsWrittenIsAnError() throws {
        let folder = try TemporaryFolder()
        let elsewhere = try TemporaryFolder()
        try elsewhere.write("target.yaml", "theirs\n")
        let writer = OutputWriter(root: folder.url)
        try writer.write(rendered([("kind.yaml", "a\n")]))
        try fm.removeItem(at: folder.url.appendingPathComponent("lab/kind.yaml"))
        try link(folder, "lab/kind.yaml", to: elsewhere.url.appendingPathComponent("target.yaml"))
        #expect(throws: OutputError.self) { try writer.write(rendered([("kind.yaml", "b\n")])) }
        #expect(elsewhere.read("target.yaml") == "theirs\n")
        #expect(isLink(folder.url.appendingPathComponent("lab/kind.yaml")))
    }

    @Test func aUserLinkOffTheWritePathsIsCarriedOverAsALink() throws {
        let folder = try TemporaryFolder()
        let elsewhere = try TemporaryFolder()
        try elsewhere.write("notes/a.txt", "theirs\n")
        let writer = OutputWriter(root: folder.url)
        try writer.write(rendered([("kind.yaml", "a\n")]))
        try link(folder, "lab/notes", to: elsewhere.url.appendingPathComponent("notes"))
        try writer.write(rendered([("kind.yaml", "b\n")]))
        #expect(folder.read("lab/kind.yaml") == "b\n")
        #expect(isLink(folder.url.appendingPathComponent("lab/notes")))
        #expect(elsewhere.snapshot() == ["notes/a.txt": "theirs\n"])
    }

    @Test func anOutputFolderThatIsASymlinkIsRefused() throws {
        let parent = try TemporaryFolder()
        let real = try TemporaryFolder()
        try link(parent, "out", to: real.url)
        let error = outputError("a symlinked output folder") {
            try OutputWriter(root: parent.url.appendingPathComponent("out")).write(rendered([("kind.yaml", "a\n")]))
        }
        #expect(error?.message.contains("symbolic link") == true, "\(String(describing: error))")
        #expect(error?.message.contains("pass the real path") == true, "\(String(describing: error))")
        #expect(real.snapshot().isEmpty)
        #expect(try fm.contentsOfDirectory(atPath: real.url.path).isEmpty)
        // The real path works.
        try OutputWriter(root: real.url).write(rendered([("kind.yaml", "a\n")]))
        #expect(real.read("lab/kind.yaml") == "a\n")
    }

    @Test(arguments: [".labgen-lab.old", ".labgen-lab.tmp"])
    func aStraySymlinkAtATemporaryNameNeverBecomesTheLabFolder(name: String) throws {
        let folder = try TemporaryFolder()
        let elsewhere = try TemporaryFolder()
        try elsewhere.write("theirs.txt", "keep\n")
        try link(folder, name, to: elsewhere.url)
        let error = outputError("the stray link \(name)") {
            try OutputWriter(root: folder.url).write(rendered([("kind.yaml", "a\n")]))
        }
        #expect(error?.path.hasSuffix("/" + name) == true, "\(String(describing: error))")
        #expect(
            OutputWriter.fileType(folder.url.appendingPathComponent("lab").path) == nil,
            "the link became the lab folder")
        #expect(isLink(folder.url.appendingPathComponent(name)))
        #expect(elsewhere.snapshot() == ["theirs.txt": "keep\n"])
    }

    @Test func aWriteErrorInTheSecondLabWritesNothingInAnyLab() throws {
        let folder = try TemporaryFolder()
        let labs = [rendered([("a.yaml", "a\n")], name: "first"), rendered([("b.yaml", "b\n")], name: "second")]
        var writer = OutputWriter(root: folder.url)
        writer.beforeWrite = { path in if path == "b.yaml" { throw InjectedFailure() } }
        #expect(throws: (any Error).self) { try writer.write(labs) }
        let left = (try? fm.contentsOfDirectory(atPath: folder.url.path)) ?? []
        #expect(left.isEmpty, "\(left)")

        // With earlier builds there, both stay as they were.
        try OutputWriter(root: folder.url).write([
            rendered([("a.yaml", "old a\n")], name: "first"),
            rendered([("b.yaml", "old b\n")], name: "second"),
        ])
        let before = folder.snapshot()
        #expect(throws: (any Error).self) { try writer.write(labs) }
        #expect(folder.snapshot() == before)
        #expect(try fm.contentsOfDirectory(atPath: folder.url.path).sorted() == ["first", "second"])

        // And without the failure, both are written.
        let reports = try OutputWriter(root: folder.url).write(labs)
        #expect(reports.map(\.lab) == ["first", "second"])
        #expect(folder.read("first/a.yaml") == "a\n" && folder.read("second/b.yaml") == "b\n")
    }
}
