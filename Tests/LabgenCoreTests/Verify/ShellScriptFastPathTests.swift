import LabKit
import LabgenTestSupport
import Testing

@testable import LabgenCore

/// `ShellScriptReader`'s byte-level fast paths for ASCII lines (splitting lines, open quotes,
/// tokens, the bridge-function scan) give exactly the facts of the general, per-character path.
@Suite struct ShellScriptFastPathTests {
    static let samples: [String] = [
        "kind create cluster --name demo --config - <<'EOF'\nkind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nEOF\n",
        "cat <<-EOF | kind create cluster --image=img --name=demo --config=-\n\tkind: Cluster\n\tEOF\n",
        "sudo kind create cluster \\\n  --name=demo --config=- << \"END\"\nkind: Cluster\nEND\n",
        "brctl addbr br-a;ifconfig br-a up;brctl addbr br-b\nip link add br-c type bridge\n"
            + "ip l a br-d type bridge && ip l s br-d up\nfor br in br-f br-g; do ip l a $br type bridge; done\n",
        "bridge_up() {\n    ip link add name \"$1\" type bridge\n}\nbridge_up 'br-pool0'\nbridge_up \"br-é\"\n",
        "function mk() {\n  brctl addbr $1\n}\nmk br-x # comment 'open\nmk 'br-y'\n",
        "X='a b\nc d'\nbash -c 'ip link add br-q type bridge\n  echo \"x\"'\necho \"é ' still\"\n",
        "B=\"br-1 br-2\"\nfor b in $B; do ip link add $b type bridge; done\nBRIDGES='br-3 br-4'\n",
        "docker exec gw ip addr add 10.0.0.1/24 dev eth1\nifconfig br0 192.168.1.1/24\n",
        "kubectl annotate node n1 projectcalico.org/ASNumber=65001 >> log 2>&1\n",
        "cat > kind.yaml <<EOF\nkind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nname: $NAME\nEOF\n"
            + "kind create cluster --config kind.yaml --name \"$NAME\"\n",
        "ip link add br-crlf type bridge\r\nbrctl addbr br-cr\r\necho \"a\rb\" && brctl addbr br-z\n",
        "echo x > 'out file' ; cat <<< \"here\" | grep x\nip link add brü type bridge\n",
        "case $1 in\nup) ip link add br-u type bridge ;;\nesac\necho `date` $(id -u)\n",
    ]

    static func same(_ text: String) -> Bool {
        ShellScriptReader.read(text, file: "s.sh", fastPaths: true)
            == ShellScriptReader.read(text, file: "s.sh", fastPaths: false)
    }

    @Test func samplesReadTheSame() {
        for text in Self.samples { #expect(Self.same(text), "\(text.debugDescription)") }
    }

    @Test func mutationsReadTheSame() {
        var random = SeededRandom(seed: 0x5E11)
        let alphabet = Array(" \t\n\r;|&<>()`'\"\\#${}-=ab1é".unicodeScalars).map(Character.init)
        for iteration in 0..<2000 {
            var characters = Array(Self.samples[iteration % Self.samples.count])
            for _ in 0..<(1 + random.below(4)) {
                let position = random.below(characters.count + 1)
                switch random.below(3) {
                case 0 where position < characters.count: characters[position] = random.pick(alphabet)
                case 1: characters.insert(random.pick(alphabet), at: position)
                default: if position < characters.count { characters.remove(at: position) }
                }
            }
            let text = String(characters)
            #expect(Self.same(text), "\(text.debugDescription)")
        }
    }

    @Test func generatedScriptsReadTheSame() throws {
        let lab = Lab("fast") {
            Cluster("fast") { Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet)) }
            Gateway("gw0", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24") {
                Node(.controlPlane)
                Node(.worker)
            }
            Rack("rack1", subnet: "10.1.8.0/24") { Node(.worker) }
        }
        let (_, rendered) = try renderedWithoutDiagnostics(lab)
        for path in ["lab.sh", "bridges.sh"] {
            let text = try #require(rendered.artifact(at: path)).contents
            #expect(Self.same(text), "\(path)")
            let facts = ShellScriptReader.read(text, file: path, fastPaths: true)
            if path == "bridges.sh" { #expect(!facts.bridges.isEmpty) }
        }
    }
}
