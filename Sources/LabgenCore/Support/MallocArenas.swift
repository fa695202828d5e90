import CLabgenSystem

/// glibc's allocator gives each thread that allocates while another holds the main arena an arena
/// of its own, and memory freed in one arena is not reused by the others. labgen renders and reads
/// back on two cores (`Parallel`), so at 10,000 nodes the peak resident memory of a build grew from
/// 135 MiB (one arena) to 151 MiB, and to 200 MiB over three builds in one process (labgen-bench's
/// child): fragmentation across arenas, not retained objects. Small allocations still come from
/// each thread's own cache (tcache) without the arena's lock.
public enum MallocArenas {
    /// One arena for the whole process (`M_ARENA_MAX` 1): call before any second thread starts.
    public static func useOne() {
        _ = labgen_use_one_malloc_arena()
    }
}
