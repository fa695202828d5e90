import Testing

@testable import LabgenCLI

@Suite struct GitHubAnnotationTests {
    @Test func messagesAndPropertiesAreEscapedAsGitHubReadsThem() {
        #expect(GitHubAnnotation.escape("50% of\nthe lab\r\nis down") == "50%25 of%0Athe lab%0D%0Ais down")
        #expect(GitHubAnnotation.property("out/a,b:c.yaml") == "out/a%2Cb%3Ac.yaml")
    }
}
