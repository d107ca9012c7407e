// The narration: what a step did to memory, in the course notes' words (frames pushed and
// popped, blocks taken from and given back to the allocator, variables that got a value).
#include <algorithm>
#include <cctype>

#include "session/step_record.h"
#include "support/format.h"

namespace memviz::session {
namespace {

using Kind = alloc::AllocEvent::Kind;

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += "`" + names[i] + "`";
    }
    return out;
}

// Frames are a stack: before and after a step they share their outermost part. Returns how
// many of the innermost frames of `before` were popped and of `after` pushed. Linear, so a
// deep recursion's thousands of frames cost little.
std::pair<std::size_t, std::size_t> popped_and_pushed(const StepRecord& record) {
    const auto& before = record.frames_before;
    const auto& after = record.frames_after;
    std::size_t common = 0;
    while (common < before.size() && common < after.size() &&
           before[before.size() - 1 - common] == after[after.size() - 1 - common]) {
        ++common;
    }
    return {before.size() - common, after.size() - common};
}

std::string calls_and_returns(const StepRecord& record, const Snapshot& after) {
    std::string out;
    const auto [popped, pushed] = popped_and_pushed(record);
    // Returns first, outermost last (the order they happened in), then calls, outermost first.
    for (std::size_t i = 0; i < popped && i < 3; ++i) {
        const FrameSummary* it = &record.frames_before[i];
        out += "`" + it->function + "` returned";
        if (record.returned && record.returned->function == it->function && record.returned->value) {
            out += " " + *record.returned->value;
        }
        out += it->variables.empty() ? "; its frame is gone." : "; its frame is gone, and with it " + join_names(it->variables) + ".";
        // A pointer in the caller left holding an address in the popped frame.
        if (!after.frames.empty()) {
            for (const ValueView& v : after.frames.front().variables) {
                if (v.target && v.target->kind == PointerTarget::Kind::Dangling) {
                    out += " `" + v.name + "` still holds an address in it: it is dangling now.";
                }
            }
        }
    }
    for (std::size_t i = pushed; i-- > 0;) {
        if (pushed - i > 3) break;
        const FrameSummary* it = &record.frames_after[i];
        if (!out.empty()) out += " ";
        out += "Called `" + it->function + "`: a new frame";
        if (!after.frames.empty() && after.frames.front().function == it->function) {
            const FrameView& frame = after.frames.front();
            out += " of " + std::to_string(frame.high - frame.low) + " bytes at " + hex_address(frame.low);
            std::vector<std::string> params;
            for (const ValueView& v : frame.variables) {
                if (v.is_parameter) params.push_back(v.name + " = " + v.value);
            }
            if (!params.empty()) {
                out += " holds ";
                for (std::size_t p = 0; p < params.size(); ++p) out += (p > 0 ? ", `" : "`") + params[p] + "`";
            }
        }
        out += ".";
    }
    return out;
}

std::string allocator_story(const StepRecord& record) {
    std::string out;
    std::uint64_t examined = 0;
    // Pointers into the record: the last of each kind since the previous allocation.
    const alloc::AllocEvent* chosen = nullptr;
    const alloc::AllocEvent* split = nullptr;
    const alloc::AllocEvent* grew = nullptr;
    for (const alloc::AllocEvent& e : record.events) {
        switch (e.kind) {
            case Kind::Examined: ++examined; break;
            case Kind::Chosen: chosen = &e; break;
            case Kind::Split: split = &e; break;
            case Kind::Grew: grew = &e; break;
            case Kind::Allocated: {
                // The block's payload: the one allocated after the step that lies inside it.
                auto payload = std::lower_bound(record.live_after.begin(), record.live_after.end(), e.block,
                                                [](const auto& live, Addr at) { return live.first < at; });
                std::string story = "The allocator ";
                if (grew) story += "grew the heap by " + human_size(grew->size) + " (sbrk), ";
                if (chosen) {
                    story += "took the free block at " + hex_address(chosen->block) + " (" + std::to_string(chosen->size) + " bytes)";
                    if (examined > 1) story += " after looking at " + std::to_string(examined) + " free blocks";
                } else {
                    story += "made a " + std::to_string(e.size) + "-byte block at " + hex_address(e.block);
                }
                if (split) story += ", split off the remaining " + std::to_string(split->other_size) + " bytes";
                if (payload != record.live_after.end()) {
                    story += ", and returned " + hex_address(payload->first) + " for a " + std::to_string(payload->second) +
                             "-byte request";
                }
                out += story + ". ";
                examined = 0;
                chosen = split = grew = nullptr;
                break;
            }
            case Kind::Freed:
                out += "`free` gave the " + std::to_string(e.size) + "-byte block at " + hex_address(e.block) +
                       " back to the allocator";
                break;
            case Kind::Coalesced:
                out += ", merged with its free neighbour into one " + std::to_string(e.size) + "-byte free block";
                break;
            case Kind::Copied:
                out += "realloc copied " + std::to_string(e.size) + " bytes from the block at " + hex_address(e.other) +
                       " to the new one at " + hex_address(e.block) + " and freed the old one. ";
                break;
            case Kind::InPlace:
                out += "realloc resized the block at " + hex_address(e.block) + " in place to " + std::to_string(e.size) + " bytes. ";
                break;
            case Kind::OutOfMemory:
                out += "The heap cannot grow any more: the allocation returned NULL and errno is ENOMEM. ";
                break;
        }
    }
    // A free's sentence ends after its merges.
    if (!out.empty() && out.back() != ' ') out += ". ";
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string variables_written(const Snapshot& after) {
    std::vector<std::string> parts;
    // Writes into heap blocks: no variable names them, the block and the offset do.
    for (const Changes::Range& range : after.changes.written) {
        for (const HeapBlockView& block : after.heap) {
            if (!block.allocated || range.first < block.payload || range.first >= block.payload + block.requested) continue;
            parts.push_back("wrote " + std::to_string(range.size) + (range.size == 1 ? " byte" : " bytes") + " at byte " +
                            std::to_string(range.first - block.payload) + " of the " + std::to_string(block.requested) +
                            "-byte block at " + hex_address(block.payload));
        }
        if (parts.size() >= 2) break;
    }
    auto consider = [&](const ValueView& v) {
        if (!v.changed || parts.size() >= 2) return;
        if (v.target && v.target->kind != PointerTarget::Kind::Null) {
            parts.push_back("`" + v.name + "` now points to " + v.target->description);
        } else {
            parts.push_back("`" + v.name + "` is now " + v.value);
        }
    };
    if (!after.frames.empty()) {
        for (const ValueView& v : after.frames.front().variables) consider(v);
    }
    for (const ValueView& v : after.globals) consider(v);
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : "; ") + part;
    return out.empty() ? out : out + ".";
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text.substr(0, 60)) {
        if (c == '\n') out += "\\n";
        else if (c == '"') out += "\\\"";
        else out += c;
    }
    return out + (text.size() > 60 ? "...\"" : "\"");
}

}  // namespace

void WriteRecorder::before_change(Addr first, std::span<const std::uint8_t> old_bytes, std::span<const Shadow> old_shadow) {
    if (m_original.size() + old_bytes.size() > kMaxTracked) {
        m_overflow.push_back({first, old_bytes.size()});
        return;
    }
    for (std::size_t i = 0; i < old_bytes.size(); ++i) m_original.emplace(first + i, std::pair{old_bytes[i], old_shadow[i]});
}

std::vector<Changes::Range> WriteRecorder::changed(const AddressSpace& memory) const {
    std::vector<Changes::Range> ranges = m_overflow;
    for (const auto& [address, before] : m_original) {
        std::uint8_t now = 0;
        if (memory.read(address, {&now, 1})) continue;  // gone (the heap shrank)
        const bool initialized_now = memory.shadow(address) == Shadow::Initialized;
        if (now == before.first && (before.second == Shadow::Initialized || !initialized_now)) continue;
        ranges.push_back({address, 1});
    }
    std::sort(ranges.begin(), ranges.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Changes::Range> out;
    for (const Changes::Range& r : ranges) {
        if (!out.empty() && r.first <= out.back().first + out.back().size) {
            out.back().size = std::max(out.back().first + out.back().size, r.first + r.size) - out.back().first;
        } else {
            out.push_back(r);
        }
    }
    return out;
}

Changes changes_of(const StepRecord& record) {
    Changes changes;
    changes.written = record.written;
    // Both lists are in address order: a merge finds what one has and the other has not.
    auto payloads_only_in = [](const auto& these, const auto& others, std::vector<Addr>& out) {
        auto other = others.begin();
        for (const auto& [payload, size] : these) {
            while (other != others.end() && other->first < payload) ++other;
            if (other == others.end() || other->first != payload) out.push_back(payload);
        }
    };
    payloads_only_in(record.live_after, record.live_before, changes.allocated);
    payloads_only_in(record.live_before, record.live_after, changes.freed);
    const auto [popped, pushed] = popped_and_pushed(record);
    for (std::size_t i = pushed; i-- > 0;) changes.frames_pushed.push_back(record.frames_after[i].function);
    for (std::size_t i = 0; i < popped; ++i) changes.frames_popped.push_back(record.frames_before[i].function);
    return changes;
}

std::string narrate(const StepRecord& record, const Snapshot& after) {
    std::vector<std::string> sentences;
    if (std::string s = calls_and_returns(record, after); !s.empty()) sentences.push_back(s);
    if (std::string s = allocator_story(record); !s.empty()) sentences.push_back(s);
    if (after.changes.frames_pushed.empty()) {
        if (std::string s = variables_written(after); !s.empty()) sentences.push_back(s);
    }
    if (!record.printed.empty()) sentences.push_back("Printed " + quoted(record.printed) + ".");
    if (after.state == Snapshot::State::Faulted && after.error) sentences.push_back("Stopped: " + after.error->message + ".");
    std::string out;
    for (std::string& s : sentences) {
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));  // each starts a sentence
        out.append(out.empty() ? "" : " ").append(s);
    }
    return out;
}

}  // namespace memviz::session
