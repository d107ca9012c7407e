#include "vm/leaks.h"

#include <algorithm>

namespace memviz::vm {

std::vector<Leak> find_leaks(const AddressSpace& memory, const alloc::Allocator& allocator) {
    std::vector<Leak> leaks;
    for (const alloc::Block& block : allocator.blocks()) {
        if (block.state == alloc::BlockState::Allocated) leaks.push_back({block, false});
    }
    if (leaks.empty()) return leaks;

    const unsigned word = info(memory.data_model()).pointer_bytes;
    // The live block whose payload starts exactly at `value` (an interior pointer does not count:
    // Valgrind calls those "possibly lost", we call them lost).
    auto block_at = [&](std::uint64_t value) -> Leak* {
        auto it = std::lower_bound(leaks.begin(), leaks.end(), value,
                                   [](const Leak& leak, std::uint64_t at) { return leak.block.payload < at; });
        return it != leaks.end() && it->block.payload == value ? &*it : nullptr;
    };
    std::vector<Leak*> work;
    auto scan = [&](Addr first, std::uint64_t bytes) {
        for (Addr at = (first + word - 1) / word * word; at + word <= first + bytes; at += word) {
            std::uint64_t value = 0;
            if (memory.read_word(at, word, value)) continue;
            if (Leak* leak = block_at(value); leak != nullptr && !leak->reachable) {
                leak->reachable = true;
                work.push_back(leak);
            }
        }
    };
    const Segment& data = memory.layout().segment(SegmentKind::Data);
    scan(data.first, data.size());
    while (!work.empty()) {
        const Leak* leak = work.back();
        work.pop_back();
        scan(leak->block.payload, leak->block.requested);
    }
    return leaks;
}

}  // namespace memviz::vm
