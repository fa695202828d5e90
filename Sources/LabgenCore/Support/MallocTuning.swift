import CLabgenSystem
import Foundation

/// How labgen sets glibc's allocator, measured at 10,000 nodes (BENCHMARKS.md, fifth session).
///
/// Arenas: glibc gives each thread that allocates while another holds an arena's lock an arena of
/// its own, up to eight per core, and memory freed in one arena is not reused by the others.
/// labgen renders and reads back on all cores (`Parallel`):
/// - with glibc's default, the peak resident memory of three builds in one process (labgen-bench's
///   child) reached 151 to 200 MiB: fragmentation across arenas, not retained objects;
/// - with one arena (labgen until the fifth session) the threads that parse and read back wait for
///   each other's allocations: the parallel read-back measured no faster than reading on one core;
/// - with one arena per core, read-back runs in parallel (verify about 340 ms against 460).
///
/// Large blocks: glibc maps a block of 128 KiB or more on its own, but raises that threshold to
/// the size of every mapped block freed (up to 32 MiB), after which the artifacts' megabyte-sized
/// buffers come from the arenas and stay there when freed. A fixed threshold of 256 KiB keeps them
/// mapped and returned: three builds in one process peak at 127 to 131 MiB instead of 136 to 148,
/// at the same speed.
public enum MallocTuning {
    /// Allocations of this size or more are mapped on their own (`M_MMAP_THRESHOLD`).
    public static let mmapThreshold: Int32 = 256 * 1024

    /// One arena per core (`M_ARENA_MAX`) and a fixed mmap threshold: call before any second
    /// thread starts.
    public static func apply() {
        _ = labgen_limit_malloc_arenas(Int32(clamping: ProcessInfo.processInfo.activeProcessorCount))
        _ = labgen_fix_mmap_threshold(mmapThreshold)
    }
}
