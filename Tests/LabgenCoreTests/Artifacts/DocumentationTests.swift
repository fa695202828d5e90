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
}
