import Foundation

/// Stand-ins for kind, containerlab, docker, kubectl and ip: shell scripts on PATH that append
/// their arguments to a log and keep the lab's state as files, printing what the real tools print
/// (messages and exit statuses from their documentation). No Docker engine exists on the test
/// machines; these are what `labgen up/down/status` and lab.sh are tested against.
///
/// A file `state/fail` holding a text makes every command whose arguments contain it fail
/// (stderr "stand-in failure", status 1), so a test can break any step.
struct StandIns {
    let root: URL
    var bin: URL { root.appendingPathComponent("bin") }
    var state: URL { root.appendingPathComponent("state") }
    var log: URL { root.appendingPathComponent("commands.log") }

    /// `containers`: how many containers the deployed topology has (containerlab inspect lists them).
    init(in root: URL, containers: Int) throws {
        self.root = root
        let fm = FileManager.default
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        try fm.createDirectory(at: state, withIntermediateDirectories: true)
        let prelude = """
            #!/bin/sh
            S=\(ShellWord.quote(state.path))
            echo "$(basename "$0") $*" >> \(ShellWord.quote(log.path))
            if [ -s "$S/fail" ]; then
                case "$(basename "$0") $*" in *"$(cat "$S/fail")"*) echo "stand-in failure: $(basename "$0") $*" >&2; exit 1 ;; esac
            fi

            """
        let scripts: [String: String] = [
            "kind": """
            case "$1 $2" in
            "version "*) echo "kind v0.23.0 go1.22.2 linux/amd64" ;;
            "get clusters") if [ -f "$S/kind-cluster" ]; then cat "$S/kind-cluster"; else echo "No kind clusters found." >&2; fi ;;
            "create cluster")
                name=$(sed -n 's/^name: *//p' "$4")
                if [ -f "$S/kind-cluster" ]; then
                    echo "ERROR: failed to create cluster: node(s) already exist for a cluster with the name \\"$name\\"" >&2; exit 1
                fi
                echo "Creating cluster \\"$name\\" ..." >&2; echo "$name" > "$S/kind-cluster" ;;
            "delete cluster") echo "Deleting cluster \\"$4\\" ..." >&2; rm -f "$S/kind-cluster" "$S/operator" "$S/calico" ;;
            *) echo "stand-in kind: unexpected $*" >&2; exit 64 ;;
            esac
            """,
            "containerlab": """
            case "$1" in
            version) echo "    version: 0.54.2"; echo "     commit: 6b3d5e4c" ;;
            inspect)
                if [ -f "$S/clab" ]; then
                    n=$(cat "$S/clab"); i=0; printf '{\\n  "lab": [\\n'
                    while [ "$i" -lt "$n" ]; do i=$((i + 1)); printf '    {"lab_name": "lab", "name": "clab-lab-c%s", "state": "running"},\\n' "$i"; done
                    printf '  ]\\n}\\n'
                else
                    echo "INFO[0000] no containers found" >&2; echo "{}"
                fi ;;
            deploy) echo "INFO[0000] Creating lab directory" >&2; echo \(containers) > "$S/clab" ;;
            destroy) echo "INFO[0000] Destroying lab" >&2; rm -f "$S/clab" ;;
            *) echo "stand-in containerlab: unexpected $*" >&2; exit 64 ;;
            esac
            """,
            "docker": """
            case "$1 $2" in
            "version --format") echo "26.1.3" ;;
            "info ")
                echo "Server:"; echo " Server Version: 26.1.3"; echo " Insecure Registries:"
                [ -f "$S/untrusted" ] || echo "  192.168.2.100:5000"
                echo "  127.0.0.0/8"; echo " Live Restore Enabled: false" ;;
            "image inspect")
                if grep -qxF "$3" "$S/images" 2>/dev/null; then echo '[{"RepoTags": ["'"$3"'"]}]'
                else echo "[]"; echo "Error response from daemon: No such image: $3" >&2; exit 1; fi ;;
            "pull "*) echo "$2: Pulling from stand-in"; echo "Status: Downloaded newer image for $2"; echo "$2" >> "$S/images" ;;
            *) echo "stand-in docker: unexpected $*" >&2; exit 64 ;;
            esac
            """,
            "kubectl": """
            [ "$1" = "--context" ] && shift 2
            if [ "$1 $2" = "version --client" ]; then echo "Client Version: v1.30.2"; echo "Kustomize Version: v5.0.4"; exit 0; fi
            if [ ! -f "$S/kind-cluster" ]; then
                echo "The connection to the server 127.0.0.1:41235 was refused - did you specify the right host or port?" >&2; exit 1
            fi
            [ "$1" = "-n" ] && shift 2
            case "$1" in
            get)
                case "$2" in
                deployment)
                    if [ -f "$S/operator" ]; then echo "NAME              READY   UP-TO-DATE   AVAILABLE   AGE"; echo "tigera-operator   1/1     1            1           1m"
                    else echo 'Error from server (NotFound): deployments.apps "tigera-operator" not found' >&2; exit 1; fi ;;
                nodes) if [ -f "$S/calico" ]; then cat "$S/nodes"; else sed 's/ True / False /' "$S/nodes"; fi ;;
                ippools.crd.projectcalico.org) if [ -f "$S/calico" ]; then cat "$S/pools"; fi ;;
                esac ;;
            create)
                if [ -f "$S/operator" ]; then echo 'Error from server (AlreadyExists): namespaces "tigera-operator" already exists' >&2; exit 1; fi
                echo "namespace/tigera-operator created"; echo "deployment.apps/tigera-operator created"; touch "$S/operator" ;;
            wait) echo "customresourcedefinition.apiextensions.k8s.io/installations.operator.tigera.io condition met" ;;
            apply) echo "configured $3"; case "$3" in calico/installation.yaml|*calico.yaml|*kube-flannel.yml) touch "$S/calico" ;; esac ;;
            patch) echo "daemonset.apps/calico-node patched" ;;
            rollout) echo 'daemon set "calico-node" successfully rolled out' ;;
            *) echo "stand-in kubectl: unexpected $*" >&2; exit 64 ;;
            esac
            """,
            // helm: the Cilium install (a CNI makes the nodes Ready, as Calico's apply does).
            "helm": """
            case "$1" in
            version) echo 'version.BuildInfo{Version:"v3.15.2"}' ;;
            repo) echo '"cilium" has been added to your repositories' ;;
            upgrade|install) touch "$S/calico"; echo 'Release "cilium" has been upgraded. Happy Helming!' ;;
            *) echo "stand-in helm: unexpected $*" >&2; exit 64 ;;
            esac
            """,
            // bridges.sh runs ip; the stand-in keeps the bridges as files, never touching the host.
            "ip": """
            [ "$1" = "-d" ] && shift
            [ "$1" = "-o" ] && shift
            obj=$1 verb=$2; shift 2
            # bridges.sh names the link after 'dev' or 'name', as the real ip accepts.
            case "$1" in dev|name) shift ;; esac
            dev=$1
            case "$obj $verb" in
            "link show") [ -f "$S/br-$dev" ] || { echo "Device \\"$dev\\" does not exist." >&2; exit 1; }
                echo "7: $dev: <BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state UP"; echo "    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff"
                [ -s "$S/br-$dev" ] && echo "    alias $(cat "$S/br-$dev")"; exit 0 ;;
            "link add") touch "$S/br-$dev" ;;
            "link delete"|"link del") rm -f "$S/br-$dev" ;;
            "link set")
                case "$*" in *" alias "*) a=$(printf '%s\\n' "$*" | sed 's/.* alias //'); printf '%s' "$a" > "$S/br-$dev" ;; esac ;;
            *) : ;;
            esac
            """,
        ]
        for (name, body) in scripts {
            let url = bin.appendingPathComponent(name)
            try (prelude + body + "\n").write(to: url, atomically: true, encoding: .utf8)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }

    /// PATH with the stand-ins first, then the system (sh, sed, awk, grep for the scripts).
    var environment: [String: String] { ["PATH": bin.path + ":/usr/bin:/bin", "HOME": root.path] }

    /// The commands run so far, one line each (`kind create cluster --config kind.yaml`).
    var commands: [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func clearLog() { try? FileManager.default.removeItem(at: log) }

    func set(_ name: String, _ text: String) throws {
        try text.write(to: state.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    func remove(_ name: String) { try? FileManager.default.removeItem(at: state.appendingPathComponent(name)) }
    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: state.appendingPathComponent(name).path)
    }

    /// Makes every command whose arguments contain `text` fail; nil heals.
    func fail(_ text: String?) throws { if let text { try set("fail", text) } else { remove("fail") } }

    /// The state files left (cluster, containers, bridges, ...), sorted.
    var leftovers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? [])
            .filter { !["nodes", "pools", "images", "fail", "untrusted"].contains($0) }.sorted()
    }
}

enum ShellWord {
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
