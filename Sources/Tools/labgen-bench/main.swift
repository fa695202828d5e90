// labgen-bench: times labgen on synthetic labs of R racks of N nodes.
//
// usage: labgen-bench [--json] [--sizes 1x4,10x20,100x40,250x40,1250x40] [--runs N]
//        labgen-bench --child RxN [--runs N]     (internal: one size, one JSON line)
//        labgen-bench --read [--runs N] [--only yaml|shell|classify|facts] FILE-OR-FOLDER...  (ReadBench.swift)
//
// Each size runs in a child process of this binary, so that the peak resident memory it
// reports (VmHWM from /proc/self/status) belongs to that size alone. For each size the
// stages are timed separately, `--runs` times, and the median is reported:
//
//   resolve  Resolver.resolve: model checks, defaults, address allocation
//   render   Renderer.render: every artifact, in memory
//   verify   reading the artifacts back and the cross-artifact verification (when the
//            package has a verifier; otherwise "-")
//   write    OutputWriter.write into a fresh temporary folder (atomic, fsync per file)
//   total    the sum of the four
//   copy     copying the written lab folder (`cp -r`, done in process: read and write every
//            file, no fsync), for the ratio of the build's time to the time of copying its output
//
// The synthetic lab: R racks of N nodes (the first node of rack 0 is the control plane), each
// rack a /24 allocated from a NodePool 10.0.0.0/8, one VyOS gateway per 100 racks (racks name
// their gateway; with several gateways, a transit link 10.255.255.0/24 on bridge br-tr), one Calico
// pool 172.16.0.0/12 (IPIP CrossSubnet), service subnet 192.168.0.0/16.
//
// Nothing asserts on timing: the exit status is 0 unless a lab fails to build.

import Foundation
import LabModel
import LabgenCore

#if canImport(Glibc)
import Glibc
#endif

// MARK: - Arguments

struct Size: Hashable, Codable, CustomStringConvertible {
    var racks: Int
    var nodesPerRack: Int
    var nodes: Int { racks * nodesPerRack }
    var description: String { "\(racks)x\(nodesPerRack)" }

    init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "x")
        guard parts.count == 2, let racks = Int(parts[0]), let nodes = Int(parts[1]), racks > 0, nodes > 0, nodes <= 250
        else { return nil }
        self.racks = racks
        self.nodesPerRack = nodes
    }
}

struct Options {
    var json = false
    var sizes: [Size] = ["1x4", "10x20", "25x40", "100x40", "250x40", "1250x40"].compactMap { Size($0) }
    var runs = 5
    var child: Size?
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("labgen-bench: \(message)\n".utf8))
    exit(2)
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    func value(_ flag: String) -> String {
        guard let value = arguments.popFirst() else { fail("\(flag) needs a value") }
        return value
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "--json": options.json = true
        case "--read": readBench(Array(arguments))
        case "--sizes":
            let text = value(argument)
            let sizes = text.split(separator: ",").map { part -> Size in
                guard let size = Size(part) else { fail("'\(part)' is not RACKSxNODES (nodes per rack at most 250)") }
                return size
            }
            guard !sizes.isEmpty else { fail("--sizes is empty") }
            options.sizes = sizes
        case "--runs":
            guard let runs = Int(value(argument)), runs > 0 else { fail("--runs needs a positive number") }
            options.runs = runs
        case "--child":
            let text = value(argument)
            guard let size = Size(text) else { fail("'\(text)' is not RACKSxNODES") }
            options.child = size
        case "-h", "--help":
            print("usage: labgen-bench [--json] [--sizes 1x4,10x20,100x40,250x40,1250x40] [--runs N]")
            exit(0)
        default: fail("unknown argument '\(argument)'")
        }
    }
    return options
}

// MARK: - The synthetic lab

let racksPerGateway = 100

func syntheticLab(_ size: Size) -> LabSpec {
    func at(_ line: Int) -> SourceLocation { SourceLocation(file: "bench.swift", line: line, column: 5) }
    var line = 1
    func next() -> SourceLocation {
        line += 1
        return at(line)
    }
    var spec = LabSpec(name: "bench-\(size.racks)x\(size.nodesPerRack)", location: next())
    spec.topologies = [TopologySpec(name: nil, mtu: 1500, serverImage: nil, location: next())]
    var cluster = ClusterSpec(
        name: "bench", image: "kindest/node:v1.27.3", podSubnet: "172.16.0.0/12", serviceSubnet: "192.168.0.0/16",
        disableDefaultCNI: true, kubeProxyMode: nil, location: next())
    cluster.pools = [
        PodPoolSpec(
            name: nil, cidr: "172.16.0.0/12", blockSize: 26, ipipMode: .crossSubnet, vxlanMode: .never,
            natOutgoing: true,
            nodeSelector: nil, rack: nil, disabled: false, location: next())
    ]
    spec.clusters = [cluster]
    spec.nodePools = [NodePoolSpec(cidr: "10.0.0.0/8", rackPrefix: 24, location: next())]
    let gatewayCount = (size.racks + racksPerGateway - 1) / racksPerGateway
    if gatewayCount > 1 {
        // The default transit (a /29 named br-transit) holds 6 gateways and 10 bridge ports.
        spec.transits = [TransitSpec(subnet: "10.255.255.0/24", bridge: "br-tr", location: next())]
    }
    for g in 0..<gatewayCount {
        spec.gateways.append(
            GatewaySpec(name: "gw\(g)", vyos: g % 2 == 0 ? "1.4.9" : "1.2.8", image: nil, location: next()))
    }
    for r in 0..<size.racks {
        var rack = RackSpec(
            name: "rack\(r)", subnet: nil, prefixLength: nil, gatewayAddress: nil, gateway: "gw\(r / racksPerGateway)",
            bridge: "br\(r)", firstHost: nil, location: next())
        for n in 0..<size.nodesPerRack {
            let role: NodeRole = r == 0 && n == 0 ? .controlPlane : .worker
            var node = NodeSpec(role: role, address: nil, server: nil, serverImage: nil, location: next())
            node.labels = [Label("bench.labgen.dev/slot", "s\(n)")]
            rack.nodes.append(node)
        }
        spec.racks.append(rack)
    }
    return spec
}

// MARK: - Measuring

func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

@discardableResult
func timed<T>(_ into: inout [Double], _ body: () throws -> T) rethrows -> T {
    let start = now()
    let result = try body()
    into.append(Double(now() - start) / 1e6)
    return result
}

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// `VmHWM` (peak resident set) of this process, in KiB.
func peakResidentKiB() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
    return 0
}

func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { fail("cannot run \(executable): \(error)") }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

/// `cp -r` done in process (a child `cp` costs tens of milliseconds just to start): every
/// folder and file below `source`, read and written whole, without fsync.
func copyTree(_ source: String, to target: String) {
    guard mkdir(target, 0o755) == 0 else { fail("cannot create \(target)") }
    guard let dir = opendir(source) else { fail("cannot open \(source)") }
    defer { closedir(dir) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name == "." || name == ".." { continue }
        let from = source + "/" + name
        let to = target + "/" + name
        var info = stat()
        guard lstat(from, &info) == 0 else { fail("cannot stat \(from)") }
        if info.st_mode & S_IFMT == S_IFDIR {
            copyTree(from, to: to)
            continue
        }
        let input = open(from, O_RDONLY | O_CLOEXEC)
        let output = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, info.st_mode & 0o777)
        guard input >= 0, output >= 0 else { fail("cannot copy \(from)") }
        while true {
            let n = read(input, &buffer, buffer.count)
            if n <= 0 { break }
            var offset = 0
            while offset < n {
                let written = buffer[offset..<n].withUnsafeBytes { write(output, $0.baseAddress!, n - offset) }
                guard written > 0 else { fail("cannot write \(to)") }
                offset += written
            }
        }
        close(input)
        close(output)
    }
}

/// Reading the artifacts back and the cross-artifact verification, exactly as
/// `Pipeline.compile` does it (with the manifest's hashing on the other core): returns the number
/// of verification errors and the lab with its digests.
func verifyStage(_ rendered: RenderedLab, plan: LabPlan) -> (errors: Int, rendered: RenderedLab) {
    let (diagnostics, hashed) = Pipeline.verify(rendered)
    return (diagnostics.filter { $0.severity == .error }.count, hashed)
}

/// What one child measures for one size (milliseconds are medians).
struct SizeResult: Codable {
    var size: String
    var racks: Int
    var nodesPerRack: Int
    var nodes: Int
    var gateways: Int
    var runs: Int
    var files: Int
    var outputBytes: Int
    var resolveMs: Double
    var renderMs: Double
    var verifyMs: Double?
    var writeMs: Double
    var totalMs: Double
    var copyMs: Double
    var buildToCopyRatio: Double
    var nodesPerSecond: Double
    var peakRSSMiB: Double
    var diagnostics: Int
}

func measure(_ size: Size, runs: Int) -> SizeResult {
    let spec = syntheticLab(size)
    var resolve: [Double] = []
    var render: [Double] = []
    var verify: [Double] = []
    var write: [Double] = []
    var total: [Double] = []
    var copy: [Double] = []
    var files = 0
    var bytes = 0
    var diagnostics = 0
    let fm = FileManager.default
    let base = fm.temporaryDirectory.appendingPathComponent("labgen-bench-\(getpid())", isDirectory: true)
    for _ in 0..<runs {
        try? fm.removeItem(at: base)
        let out = base.appendingPathComponent("out", isDirectory: true)
        let copyTarget = base.appendingPathComponent("copy", isDirectory: true)
        do { try fm.createDirectory(at: copyTarget, withIntermediateDirectories: true) } catch { fail("\(error)") }

        let start = now()
        let resolution = timed(&resolve) { Resolver.resolve(spec) }
        guard let plan = resolution.plan else {
            let errors = resolution.diagnostics.filter { $0.severity == .error }
            fail("\(size): the synthetic lab does not resolve: \(errors.prefix(3).map { "\($0)" })")
        }
        var rendered: RenderedLab
        do {
            rendered = try timed(&render) { try Renderer.render(plan) }
        } catch {
            fail("\(size): rendering failed: \(error)")
        }
        let verifyStart = now()
        let (count, hashed) = verifyStage(rendered, plan: plan)
        rendered = hashed
        verify.append(Double(now() - verifyStart) / 1e6)
        diagnostics = count
        // The synthetic lab is consistent: an error here is a labgen bug, not a timing.
        if count > 0 { fail("\(size): verification reported \(count) error(s) on the synthetic lab") }
        do {
            try timed(&write) { try OutputWriter(root: out).write(rendered) }
        } catch {
            fail("\(size): writing failed: \(error)")
        }
        total.append(Double(now() - start) / 1e6)

        files = rendered.artifacts.count
        bytes = rendered.artifacts.reduce(0) { $0 + $1.contents.utf8.count }
        timed(&copy) {
            copyTree(out.appendingPathComponent(rendered.name).path, to: copyTarget.path + "/" + rendered.name)
        }
    }
    try? fm.removeItem(at: base)
    let totalMs = median(total)
    return SizeResult(
        size: size.description, racks: size.racks, nodesPerRack: size.nodesPerRack, nodes: size.nodes,
        gateways: spec.gateways.count, runs: runs, files: files, outputBytes: bytes, resolveMs: median(resolve),
        renderMs: median(render), verifyMs: verify.isEmpty ? nil : median(verify), writeMs: median(write),
        totalMs: totalMs, copyMs: median(copy), buildToCopyRatio: totalMs / median(copy),
        nodesPerSecond: Double(size.nodes) / (totalMs / 1000), peakRSSMiB: Double(peakResidentKiB()) / 1024,
        diagnostics: diagnostics)
}

// MARK: - Report

struct Report: Codable {
    var machine: String
    var cores: Int
    var runs: Int
    var verification: Bool
    var sizes: [SizeResult]
}

func machineDescription() -> String {
    var model = "unknown CPU"
    if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
        let colon = line.firstIndex(of: ":")
    {
        model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let memory = ProcessInfo.processInfo.physicalMemory / (1 << 20)
    return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(memory) MiB RAM"
}

func format(_ value: Double?, _ digits: Int = 1) -> String {
    guard let value, value.isFinite else { return "-" }
    return String(format: "%.\(digits)f", value)
}

func table(_ report: Report) -> String {
    let header = [
        "size", "nodes", "gw", "files", "bytes", "resolve ms", "render ms", "verify ms", "write ms", "total ms",
        "nodes/s", "peak MiB", "copy ms", "total/copy",
    ]
    var rows = [header]
    for s in report.sizes {
        rows.append([
            s.size, "\(s.nodes)", "\(s.gateways)", "\(s.files)", "\(s.outputBytes)", format(s.resolveMs, 2),
            format(s.renderMs, 2), format(s.verifyMs, 2), format(s.writeMs, 2), format(s.totalMs, 2),
            format(s.nodesPerSecond, 0), format(s.peakRSSMiB, 1), format(s.copyMs, 2), format(s.buildToCopyRatio, 2),
        ])
    }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    var text = "labgen-bench: \(report.machine); median of \(report.runs) run(s)"
    text += report.verification ? "\n" : "; verification stage: not available in this build\n"
    for (index, row) in rows.enumerated() {
        let cells = row.enumerated().map { column, cell in
            column == 0
                ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[column] - cell.count) + cell
        }
        text += cells.joined(separator: "  ") + "\n"
        if index == 0 { text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
    }
    if let small = report.sizes.first(where: { $0.nodes == 1000 }),
        let large = report.sizes.first(where: { $0.nodes == 10000 })
    {
        text += String(format: "10,000 / 1,000 nodes total time: %.1fx\n", large.totalMs / small.totalMs)
    }
    return text
}

// MARK: - Main

let options = parseOptions()
if let size = options.child {
    MallocTuning.apply()  // as labgen does
    let result = measure(size, runs: options.runs)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    FileHandle.standardOutput.write(try! encoder.encode(result) + Data("\n".utf8))
    exit(0)
}

let executable =
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
var results: [SizeResult] = []
for size in options.sizes {
    let (status, output) = run(executable, ["--child", size.description, "--runs", String(options.runs)])
    guard status == 0, let result = try? JSONDecoder().decode(SizeResult.self, from: output) else {
        fail("the child for \(size) failed (status \(status))")
    }
    results.append(result)
    if !options.json { FileHandle.standardError.write(Data("  \(size): \(format(result.totalMs, 1)) ms\n".utf8)) }
}
let report = Report(
    machine: machineDescription(), cores: ProcessInfo.processInfo.activeProcessorCount, runs: options.runs,
    verification: results.contains { $0.verifyMs != nil }, sizes: results)
if options.json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    FileHandle.standardOutput.write(try! encoder.encode(report) + Data("\n".utf8))
} else {
    print(table(report), terminator: "")
}
