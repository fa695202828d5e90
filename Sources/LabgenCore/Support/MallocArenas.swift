import CLabgenSystem
import Foundation

/// glibc's allocator gives each thread that allocates while another holds an arena's lock an arena
/// of its own, up to eight per core, and memory freed in one arena is not reused by the others.
/// labgen renders and reads back on all cores (`Parallel`):
/// - with glibc's default, at 10,000 nodes the peak resident memory of three builds in one process
///   (labgen-bench's child) reached 151 to 200 MiB: fragmentation across arenas, not retained objects;
/// - with one arena (labgen until the fifth session) the threads that parse and read the files
///   wait for each other's allocations: the parallel read-back measured no faster than reading on
///   one core;
/// - with one arena per core, read-back runs in parallel (at 10,000 nodes, verify 315 to 350 ms
///   against 430 to 500 with one arena) and the peak stays at 137 to 146 MiB (BENCHMARKS.md).
public enum MallocArenas {
    /// One arena per core (`M_ARENA_MAX`): call before any second thread starts.
    public static func onePerCore() {
        _ = labgen_limit_malloc_arenas(Int32(clamping: ProcessInfo.processInfo.activeProcessorCount))
    }
}
