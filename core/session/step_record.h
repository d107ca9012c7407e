// What one step did, recorded while the history replays it: the bytes written, the allocator's
// decisions, the frames before and after, the return it made. Snapshot::changes and the
// narration are made from it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "alloc/allocator.h"
#include "mem/address_space.h"
#include "snapshot.h"
#include "vm/vm.h"

namespace memviz::session {

struct FrameSummary {
    Addr fp = 0;
    std::string function;
    std::vector<std::string> variables;  // parameters and locals, the names a student knows
    bool operator==(const FrameSummary&) const = default;
};

struct StepRecord {
    std::uint32_t from_line = 0;                  // the line the step started at (0: no step)
    std::vector<Changes::Range> written;          // merged, in address order
    std::vector<alloc::AllocEvent> events;
    // Allocated payloads and their requested sizes, in address order.
    std::vector<std::pair<Addr, std::uint64_t>> live_before;
    std::vector<std::pair<Addr, std::uint64_t>> live_after;
    std::vector<FrameSummary> frames_before;      // innermost first
    std::vector<FrameSummary> frames_after;
    struct Return {
        std::string function;
        std::optional<std::string> value;         // formatted by the return type; none for void
    };
    std::optional<Return> returned;               // the last return the step made
    std::string printed;                          // what the step wrote to stdout
};

// Collects what the step overwrote while attached as the history's memory listener.
class WriteRecorder final : public MemoryObserver {
public:
    void before_change(Addr first, std::span<const std::uint8_t> old_bytes, std::span<const Shadow> old_shadow) override;
    void before_break_change(Addr) override {}
    // The bytes whose value changed or that became initialized, compared with `memory` after
    // the step, as sorted ranges with touching ones merged. A frame being pushed or a block
    // handed out changes only the shadow of bytes that keep their value: that is not a write.
    std::vector<Changes::Range> changed(const AddressSpace& memory) const;

private:
    // Each byte's value and shadow before the step: the first record of it wins.
    std::map<Addr, std::pair<std::uint8_t, Shadow>> m_original;
    std::vector<Changes::Range> m_overflow;  // past kMaxTracked bytes: reported as written
    static constexpr std::size_t kMaxTracked = 1 << 16;
};

// Fills the Changes of a snapshot from the record.
Changes changes_of(const StepRecord& record);

// One or two sentences in plain language about what the step did to memory, with the
// snapshot taken after it for values and pointer targets.
std::string narrate(const StepRecord& record, const Snapshot& after);

}  // namespace memviz::session
