// Fuzz target: malloc-lab trace replay, as `memviz trace FILE.rep` does it. Any bytes are .rep
// text; parse_trace must give a Trace or an error naming a line. A trace is then replayed with
// every allocator policy in both data models, with the replayer's checks and heap_check after
// every operation (ReplayCheck::HeapCheck).
//
// The oracle: parse_trace accepts only valid traces (check_trace finds nothing wrong), and in a
// valid trace a correct allocator makes no error but running out of memory — no misaligned,
// overlapping or out-of-heap payload, no changed bytes, no heap_check problem.
//
// Traces are bounded so that one input, replayed fourteen times with every payload written and
// checked, takes well under a second even on a busy machine: at most kMaxOps operations and
// kMaxBytes requested bytes in all, counting only requests that fit the heap limit (larger ones
// fail at once without touching memory).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "alloc/trace.h"
#include "alloc/trace_replay.h"

namespace {

using namespace memviz;

constexpr std::size_t kMaxOps = 400;
constexpr std::uint64_t kMaxBytes = 1ULL << 20;

constexpr alloc::PolicyKind kPolicies[] = {
    alloc::PolicyKind::FirstFit,     alloc::PolicyKind::NextFit,         alloc::PolicyKind::BestFit,
    alloc::PolicyKind::ExplicitLifo, alloc::PolicyKind::ExplicitAddress, alloc::PolicyKind::Segregated,
    alloc::PolicyKind::Textbook,
};

bool small_enough(const alloc::Trace& trace) {
    if (trace.ops.size() > kMaxOps) return false;
    const std::uint64_t limit = alloc::replay_heap_limit(trace);
    std::uint64_t bytes = 0;
    for (const alloc::TraceOp& op : trace.ops) {
        if (op.bytes <= limit) bytes += op.bytes;
    }
    return bytes <= kMaxBytes;
}

bool only_out_of_memory(const alloc::ReplayResult& result) {
    if (result.errors > result.messages.size()) return false;  // some were not described: be strict
    return std::all_of(result.messages.begin(), result.messages.end(), [](const std::string& message) {
        return message.find("returned NULL: out of memory") != std::string::npos;
    });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = alloc::parse_trace(text, "fuzz");
    if (!parsed.ok()) {
        if (parsed.error().rfind("line ", 0) != 0) {
            std::fprintf(stderr, "trace fuzzer: an error without a line: %s\n", parsed.error().c_str());
            std::abort();
        }
        return 0;
    }
    const alloc::Trace& trace = parsed.value();
    if (!small_enough(trace)) return 0;
    if (auto problem = alloc::check_trace(trace)) {
        std::fprintf(stderr, "trace fuzzer: parse_trace accepted an invalid trace: %s\n", problem->c_str());
        std::abort();
    }
    const alloc::ReplayOptions options{.check = alloc::ReplayCheck::HeapCheck, .max_messages = 1000};
    for (DataModel model : {DataModel::LP64, DataModel::ILP32}) {
        for (alloc::PolicyKind policy : kPolicies) {
            const alloc::ReplayResult result = alloc::replay(trace, {.policy = policy}, model, options);
            if (!only_out_of_memory(result)) {
                std::fprintf(stderr, "trace fuzzer: policy %s, %s: %s\n", std::string(alloc::name(policy)).c_str(),
                             model == DataModel::LP64 ? "lp64" : "ilp32", result.messages.front().c_str());
                std::abort();
            }
        }
    }
    return 0;
}
