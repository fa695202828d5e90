import LabModel
import Testing

@testable import LabgenCore

@Suite struct ConsistentLabTests {
    @Test func theConsistentLabVerifiesClean() {
        let lab = TestLab()
        let facts = lab.facts
        #expect(facts.kind != nil)
        #expect(facts.clab != nil)
        #expect(facts.vyos.count == 1)
        #expect(facts.pools.count == 1)
        #expect(facts.calicoNode.count == 1)
        #expect(facts.bridgeScripts.first?.bridges.map(\.value) == ["br-pool0", "br-pool1"])
        #expect(lab.diagnostics.map(\.description) == [])
    }
}
