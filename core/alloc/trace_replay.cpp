// The replayer keeps, per id, the payload it holds now, and (with checking on) an ordered map of
// the live payload extents, so that a new payload is checked against its two neighbours only.
//
// A live id may hold NULL: after realloc(p, 0) (which frees p), or when malloc ran out of memory
// (an error, but the replay goes on). Then `f id` is free(NULL) and `r id n` is realloc(NULL, n),
// as in a C program that assigned the result.
#include "alloc/trace_replay.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>

#include "mem/address_space.h"
#include "mem/layout.h"
#include "support/format.h"

namespace memviz::alloc {
namespace {

constexpr std::uint64_t kMinHeapLimit = 64ULL << 20;
constexpr std::uint64_t kMaxHeapLimit = 1ULL << 30;

struct LiveBlock {
    bool live = false;
    Addr payload = 0;           // 0: the id holds NULL
    std::uint64_t bytes = 0;    // requested
    bool patterned = false;     // the payload was written with the id's pattern
};

// A live payload [first, end), in a map keyed by `first`.
struct Extent {
    Addr end = 0;
    std::uint64_t id = 0;
};

// "[0x405010, 0x405020)". Built by appending: GCC 12 warns wrongly (-Wrestrict) on "[" + string.
std::string range_text(Addr first, Addr end) {
    std::string text = "[";
    text += hex_address(first);
    text += ", ";
    text += hex_address(end);
    text += ")";
    return text;
}

class Replayer {
public:
    Replayer(const Trace& trace, AddressSpace& memory, Allocator& allocator, const ReplayOptions& options,
             ReplayResult& result)
        : m_trace(trace), m_memory(memory), m_allocator(allocator), m_options(options), m_result(result),
          m_checking(options.check != ReplayCheck::Off), m_ids(dense_ids(trace)), m_blocks(m_ids.count) {}

    void run() {
        note_heap_size();
        const auto start = std::chrono::steady_clock::now();
        for (m_index = 0; m_index < m_trace.ops.size(); ++m_index) {
            const TraceOp& op = m_trace.ops[m_index];
            LiveBlock& block = m_blocks[m_ids.of_op[m_index]];
            switch (op.kind) {
                case TraceOpKind::Malloc: do_malloc(op, block); break;
                case TraceOpKind::Realloc: do_realloc(op, block); break;
                case TraceOpKind::Free: do_free(op, block); break;
            }
            m_result.peak_payload = std::max(m_result.peak_payload, m_live_payload);
            note_heap_size();
            if (m_options.check == ReplayCheck::HeapCheck) run_heap_check(op);
            ++m_result.ops;
        }
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        m_result.seconds = elapsed.count();
        m_result.ops_per_sec = m_result.seconds > 0 ? static_cast<double>(m_result.ops) / m_result.seconds : 0;
    }

private:
    void do_malloc(const TraceOp& op, LiveBlock& block) {
        if (block.live) {
            error(op, "id " + std::to_string(op.id) + " is already allocated (the trace is invalid); skipped");
            return;
        }
        const std::optional<Addr> payload = m_allocator.malloc(op.bytes, site());
        block = {true, 0, 0, false};
        if (!payload) {
            out_of_memory(op, "malloc");
            return;
        }
        if (place(op, block, *payload, "malloc")) write_pattern(op, block);
    }

    void do_realloc(const TraceOp& op, LiveBlock& block) {
        if (!block.live) {
            error(op, "id " + std::to_string(op.id) + " is not allocated (the trace is invalid); skipped");
            return;
        }
        const LiveBlock old = block;
        forget_extent(op.id, old.payload);
        Allocator::ReallocResult result = m_allocator.realloc(old.payload, op.bytes, site());
        if (result.error) {
            error(op, "realloc refused " + hex_address(old.payload) + ": " + result.error->message);
            keep_extent(op.id, old);
            return;
        }
        if (!result.payload) {
            if (op.bytes == 0 && old.payload != 0) {  // realloc(p, 0) freed p
                m_live_payload -= old.bytes;
                block = {true, 0, 0, false};
                return;
            }
            out_of_memory(op, "realloc");  // p stays valid
            keep_extent(op.id, old);
            return;
        }
        m_live_payload -= old.bytes;
        if (!place(op, block, *result.payload, "realloc")) return;
        if (m_checking && old.patterned && std::min(old.bytes, op.bytes) > 0) {
            check_pattern(op, block.payload, std::min(old.bytes, op.bytes), "realloc did not keep the old bytes");
        }
        write_pattern(op, block);
    }

    void do_free(const TraceOp& op, LiveBlock& block) {
        if (!block.live) {
            error(op, "id " + std::to_string(op.id) + " is not allocated (the trace is invalid); skipped");
            return;
        }
        if (m_checking && block.patterned) {
            check_pattern(op, block.payload, block.bytes, "the payload changed while it was allocated");
        }
        forget_extent(op.id, block.payload);
        if (std::optional<AllocError> refused = m_allocator.free(block.payload, site())) {
            error(op, "free refused " + hex_address(block.payload) + ": " + refused->message);
        }
        m_live_payload -= block.bytes;
        block = {};
    }

    // Records a payload a call returned and checks where it is. False when a check failed; the
    // payload is then left unwritten, so that one bug is reported once.
    bool place(const TraceOp& op, LiveBlock& block, Addr payload, const std::string& call) {
        block = {true, payload, op.bytes, false};
        m_live_payload += op.bytes;
        return !m_checking || check_placement(op, payload, call);
    }

    void write_pattern(const TraceOp& op, LiveBlock& block) {
        // Only an allocator that returned a block larger than its heap can get here with more
        // bytes than the host can index (wasm32); the write would fault anyway.
        if (op.bytes > m_result.heap_limit) {
            error(op, "the payload is larger than the whole heap limit of " + human_size(m_result.heap_limit));
            return;
        }
        m_scratch.resize(static_cast<std::size_t>(op.bytes));
        fill_pattern(m_scratch, op.id);
        if (std::optional<Fault> fault = m_memory.write(block.payload, m_scratch)) {
            error(op, "writing the " + std::to_string(op.bytes) + "-byte payload faulted: " + fault->describe());
            return;
        }
        block.patterned = true;
    }

    bool check_placement(const TraceOp& op, Addr payload, const std::string& call) {
        const std::uint64_t extent = std::max<std::uint64_t>(op.bytes, 1);
        auto returned = [&] { return call + " returned " + hex_address(payload); };
        const unsigned alignment = m_allocator.alignment();
        if (alignment != 0 && payload % alignment != 0) {
            error(op, returned() + ", which is not " + std::to_string(alignment) + "-byte aligned");
            return false;
        }
        const Addr heap_start = m_memory.heap_start();
        const Addr brk = m_memory.brk();
        if (payload < heap_start || payload > brk || extent > brk - payload) {
            error(op, returned() + " for " + std::to_string(op.bytes) + " bytes, which is not inside the heap " +
                          range_text(heap_start, brk));
            return false;
        }
        const Addr end = payload + extent;
        auto next = m_extents.lower_bound(payload);
        auto clash = m_extents.end();
        if (next != m_extents.end() && next->first < end) clash = next;
        if (next != m_extents.begin() && std::prev(next)->second.end > payload) clash = std::prev(next);
        if (clash != m_extents.end()) {
            error(op, returned() + ": " + range_text(payload, end) + " overlaps id " +
                          std::to_string(clash->second.id) + "'s live payload " +
                          range_text(clash->first, clash->second.end));
            return false;
        }
        m_extents.emplace(payload, Extent{end, op.id});
        return true;
    }

    // Checks that the first `count` bytes at `payload` hold the id's pattern.
    // Precondition: the pattern was written there, so `count` fits in memory.
    void check_pattern(const TraceOp& op, Addr payload, std::uint64_t count, const std::string& what) {
        m_scratch.resize(static_cast<std::size_t>(count));
        if (std::optional<Fault> fault = m_memory.read(payload, m_scratch)) {
            error(op, what + ": reading the payload faulted: " + fault->describe());
            return;
        }
        for (std::size_t i = 0; i < m_scratch.size(); ++i) {
            const std::uint8_t expected = pattern_byte(op.id, i);
            if (m_scratch[i] != expected) {
                error(op, what + ": byte " + std::to_string(i) + " of the payload at " + hex_address(payload) +
                              " is " + byte_text(m_scratch[i]) + ", expected " + byte_text(expected));
                return;
            }
        }
    }

    void keep_extent(std::uint64_t id, const LiveBlock& block) {
        if (!m_checking || block.payload == 0 || !block.patterned) return;
        m_extents.emplace(block.payload, Extent{block.payload + std::max<std::uint64_t>(block.bytes, 1), id});
    }

    void forget_extent(std::uint64_t id, Addr payload) {
        if (auto found = m_extents.find(payload); found != m_extents.end() && found->second.id == id) {
            m_extents.erase(found);
        }
    }

    void out_of_memory(const TraceOp& op, const std::string& call) {
        error(op, call + " returned NULL: out of memory with " + human_size(m_memory.brk() - m_memory.heap_start()) +
                      " of heap and a limit of " + human_size(m_result.heap_limit));
    }

    void run_heap_check(const TraceOp& op) {
        const std::vector<std::string> problems = m_allocator.heap_check();
        if (problems.empty()) return;
        std::string message = "heap_check: " + problems.front();
        if (problems.size() > 1) message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
        error(op, message);
    }

    void note_heap_size() {
        m_result.heap_bytes = std::max(m_result.heap_bytes, m_memory.brk() - m_memory.heap_start());
    }

    void error(const TraceOp& op, const std::string& message) {
        ++m_result.errors;
        if (m_result.messages.size() >= m_options.max_messages) return;
        std::string source = op.line != 0 ? "line " + std::to_string(op.line) + ": " : "";
        m_result.messages.push_back("operation " + std::to_string(m_index + 1) + " (" + source + to_rep(op) +
                                    "): " + message);
    }

    // The call site the allocator records: the operation's 1-based index (0, unknown, past 2^32).
    Site site() const {
        const std::size_t number = m_index + 1;
        return number <= UINT32_MAX ? static_cast<Site>(number) : 0;
    }

    static std::string byte_text(std::uint8_t byte) {
        constexpr std::string_view kHex = "0123456789abcdef";
        return std::string("0x") + kHex[byte >> 4] + kHex[byte & 0xf];
    }

    const Trace& m_trace;
    AddressSpace& m_memory;
    Allocator& m_allocator;
    const ReplayOptions& m_options;
    ReplayResult& m_result;
    const bool m_checking;
    const DenseIds m_ids;
    std::vector<LiveBlock> m_blocks;     // per dense id
    std::map<Addr, Extent> m_extents;    // live payloads, with checking on
    std::vector<std::uint8_t> m_scratch; // payload bytes being written or compared
    std::uint64_t m_live_payload = 0;
    std::size_t m_index = 0;             // of the operation being replayed
};

}  // namespace

std::uint64_t replay_heap_limit(const Trace& trace) {
    const std::uint64_t wanted =
        trace.suggested_heap_bytes > kMaxHeapLimit / 4 ? kMaxHeapLimit : trace.suggested_heap_bytes * 4;
    return std::clamp(wanted, kMinHeapLimit, kMaxHeapLimit);
}

ReplayResult replay(const Trace& trace, AllocatorConfig config, DataModel data_model, ReplayOptions options) {
    ReplayResult result;
    result.trace = trace.name;
    result.policy = config.policy;
    result.data_model = data_model;
    result.heap_limit = replay_heap_limit(trace);

    auto layout = Layout::make({.data_model = data_model, .heap_limit = result.heap_limit});
    if (!layout.ok()) {
        result.errors = 1;
        result.messages.push_back("cannot lay out the address space: " + layout.error());
        return result;
    }
    AddressSpace memory(layout.value());
    Allocator allocator(memory, config);
    Replayer(trace, memory, allocator, options, result).run();
    result.final_metrics = allocator.metrics();
    result.utilization = result.heap_bytes == 0
                             ? 0
                             : static_cast<double>(result.peak_payload) / static_cast<double>(result.heap_bytes);
    return result;
}

}  // namespace memviz::alloc
