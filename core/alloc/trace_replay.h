// Replays a malloc-lab trace through the simulated allocator and checks every result as the
// malloc lab's mdriver does, then reports utilization and throughput.
//
// Each replay gets a fresh address space and allocator. After every malloc and realloc the whole
// payload is written with pattern_byte(id, offset) (in every mode, as a program uses its memory;
// the host-malloc benchmark does the same). With checking on, each result must be:
//   - aligned:          payload % allocator.alignment() == 0
//   - inside the heap:  heap_start <= payload and payload + n <= brk
//   - disjoint:         [payload, payload + n) meets no other live payload
//   - intact:           after realloc, the first min(old, new) bytes still hold the pattern;
//                       before free, the whole payload does (the allocator wrote nowhere it should not)
// where n = max(bytes requested, 1), so that even malloc(0) must return a unique pointer.
//
// Utilization is the malloc lab's: the most live requested bytes at any one time, divided by the
// largest the heap has been (brk - heap start):
//   utilization = max over time(sum of live requested bytes) / max over time(brk - heap_start)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "alloc/allocator.h"
#include "alloc/trace.h"
#include "mem/data_model.h"

namespace memviz::alloc {

enum class ReplayCheck : std::uint8_t {
    Off,        // perform the calls and write the payloads, check nothing: for throughput
    Results,    // check every result as described above (the default)
    HeapCheck,  // and also run heap_check() after every operation: slow, for tests
};

struct ReplayOptions {
    ReplayCheck check = ReplayCheck::Results;
    std::size_t max_messages = 10;  // errors beyond these are counted, not described
};

struct ReplayResult {
    std::string trace;
    PolicyKind policy{};
    DataModel data_model{};
    std::uint64_t heap_limit = 0;         // of the address space the replay ran in
    std::uint64_t ops = 0;                // operations performed
    std::uint64_t errors = 0;             // failed checks, NULL results and refused calls
    std::vector<std::string> messages;    // the first max_messages errors, in order
    std::uint64_t peak_payload = 0;       // most live requested bytes at one time
    std::uint64_t heap_bytes = 0;         // most the heap has been: max(brk - heap start)
    double utilization = 0;               // peak_payload / heap_bytes (0 for an empty heap)
    double seconds = 0;                   // wall time of the operations (and checks, when on)
    double ops_per_sec = 0;
    Metrics final_metrics;                // what the allocator reports about itself at the end
};

// The heap limit a trace is replayed with: four times its suggested heap size, at least 64 MiB,
// at most 1 GiB (which fits ILP32's 3 GiB and bounds the host memory a replay can take).
std::uint64_t replay_heap_limit(const Trace& trace);

// Operations the trace gets wrong (see trace.h) are counted as errors and skipped.
ReplayResult replay(const Trace& trace, AllocatorConfig config, DataModel data_model,
                    ReplayOptions options = {});

}  // namespace memviz::alloc
