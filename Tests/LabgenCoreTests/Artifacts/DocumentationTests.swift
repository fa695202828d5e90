import Foundation
import Testing

/// LabKit's DocC catalogue shows the reference lab as it is: the article's lab file is the template's.
@Suite struct DocumentationTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theArticleShowsTheReferenceLabFile() throws {
        let article = try String(
            contentsOf: Self.root.appendingPathComponent("Sources/LabKit/LabKit.docc/ReferenceLab.md"), encoding: .utf8)
        let template = try String(
            contentsOf: Self.root.appendingPathComponent("templates/labs/calico-ipip-crosssubnet-2022.swift"),
            encoding: .utf8)
        let start = try #require(article.range(of: "```swift\n"))
        let end = try #require(article.range(of: "\n```", range: start.upperBound..<article.endIndex))
        #expect(String(article[start.upperBound..<end.lowerBound]) + "\n" == template)
    }

    /// The tutorial's last step is the template lab file, and its picture is the lab's topology.svg in out/
    /// (both are symbolic links in LabKit.docc/Resources; a copy in their place must stay equal).
    @Test func theTutorialEndsWithTheReferenceLabFile() throws {
        let resources = Self.root.appendingPathComponent("Sources/LabKit/LabKit.docc/Resources")
        let tutorial = try String(
            contentsOf: Self.root.appendingPathComponent("Sources/LabKit/LabKit.docc/ReferenceLabTutorial.tutorial"),
            encoding: .utf8)
        let files = tutorial.components(separatedBy: "file: \"").dropFirst().compactMap {
            $0.split(separator: "\"").first
        }
        let last = try #require(files.last)
        #expect(files.count == 5)
        let template = try Data(
            contentsOf: Self.root.appendingPathComponent("templates/labs/calico-ipip-crosssubnet-2022.swift"))
        #expect(try Data(contentsOf: resources.appendingPathComponent(String(last))) == template)
        let picture = try Data(contentsOf: resources.appendingPathComponent("reference-lab-topology.svg"))
        let rendered = try Data(
            contentsOf: Self.root.appendingPathComponent("out/calico-ipip-crosssubnet-2022/topology.svg"))
        #expect(picture == rendered, "LabKit.docc/Resources/reference-lab-topology.svg is not out/'s topology.svg")
    }
}
