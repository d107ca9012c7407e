#include "session/describe.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <string_view>

#include "session/values.h"
#include "support/format.h"
#include "vm/leaks.h"

namespace memviz {

std::string_view name(PointerTarget::Kind kind) {
    switch (kind) {
        case PointerTarget::Kind::Null: return "null";
        case PointerTarget::Kind::Uninitialized: return "uninitialized";
        case PointerTarget::Kind::Variable: return "variable";
        case PointerTarget::Kind::HeapBlock: return "heap block";
        case PointerTarget::Kind::FreedBlock: return "freed block";
        case PointerTarget::Kind::Dangling: return "dangling";
        case PointerTarget::Kind::Function: return "function";
        case PointerTarget::Kind::String: return "string literal";
        case PointerTarget::Kind::Wild: return "wild";
    }
    return "?";
}

std::string_view name(Snapshot::State state) {
    switch (state) {
        case Snapshot::State::Paused: return "paused";
        case Snapshot::State::Exited: return "exited";
        case Snapshot::State::Faulted: return "faulted";
        case Snapshot::State::Budget: return "budget";
    }
    return "?";
}

namespace session {
namespace {

std::string permissions_text(const Permissions& p) {
    return std::string(p.read ? "r" : "-") + (p.write ? "w" : "-") + (p.execute ? "x" : "-");
}

bool in_scope(const vm::FrameSlot& slot, SourceLoc at) {
    if (slot.is_parameter) return true;
    if (!slot.scope_first.valid()) return true;
    return slot.scope_first <= at && at <= slot.scope_last;
}

void describe_frames(const MachineView& machine, Snapshot& snapshot) {
    const unsigned word = info(machine.memory.data_model()).pointer_bytes;
    const std::vector<vm::Vm::FrameRef> frames = machine.vm.frames();
    SourceLoc at = machine.vm.location();
    if (machine.vm.state() == vm::VmState::Faulted && machine.vm.error()) at = machine.vm.error()->loc;
    const std::size_t shown = Snapshot::kInnermostFrames + Snapshot::kOutermostFrames;
    if (frames.size() > shown) snapshot.frames_omitted = frames.size() - shown;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const vm::Vm::FrameRef& ref = frames[i];
        const vm::Function& function = machine.program.functions.at(ref.function);
        const bool omitted = i >= Snapshot::kInnermostFrames && frames.size() - i > Snapshot::kOutermostFrames &&
                             snapshot.frames_omitted > 0;
        if (omitted) {
            // Only the caller's line is needed from a frame left out.
            std::uint64_t return_address = 0;
            machine.memory.read_word(ref.fp + word, word, return_address);
            if (auto point = machine.vm.image().code_point(return_address, machine.program)) {
                at = machine.vm.location_at(point->function, point->pc);
            }
            continue;
        }
        FrameView frame;
        frame.function = function.name;
        frame.line = at.line;
        frame.column = at.column;
        frame.frame_pointer = ref.fp;
        std::uint64_t saved_fp = 0;
        std::uint64_t return_address = 0;
        machine.memory.read_word(ref.fp, word, saved_fp);
        machine.memory.read_word(ref.fp + word, word, return_address);
        frame.saved_frame_pointer = saved_fp;
        frame.return_address = return_address;
        frame.low = ref.fp - function.frame_size;
        frame.high = ref.fp + 2 * word;
        for (const vm::FrameSlot& slot : function.slots) {
            if (slot.name.empty() || slot.name.front() == '(' || !in_scope(slot, at)) continue;
            if (!budget_left(machine)) {
                count_omitted(machine, 1);
                continue;
            }
            ValueView value = describe_value(machine, slot.name, slot.type, ref.fp + static_cast<Addr>(slot.offset),
                                             snapshot.changes.written);
            value.is_parameter = slot.is_parameter;
            frame.variables.push_back(std::move(value));
        }
        std::stable_partition(frame.variables.begin(), frame.variables.end(),
                              [](const ValueView& v) { return v.is_parameter; });
        snapshot.frames.push_back(std::move(frame));
        // The caller is at the call this frame returns to.
        if (auto point = machine.vm.image().code_point(return_address, machine.program)) {
            at = machine.vm.location_at(point->function, point->pc);
        }
    }
}

void describe_globals(const MachineView& machine, Snapshot& snapshot) {
    const auto& globals = machine.program.globals;
    // The C library's own globals (errno, the FILE objects) come first when present.
    const bool has_library = globals.size() >= vm::kLibraryGlobalCount && globals[vm::kErrnoGlobal].name == "errno";
    for (std::size_t i = has_library ? vm::kLibraryGlobalCount : 0; i < globals.size(); ++i) {
        if (!budget_left(machine)) {
            count_omitted(machine, 1);
            continue;
        }
        snapshot.globals.push_back(describe_value(machine, globals[i].name, globals[i].type,
                                                  machine.vm.image().global_address[i], snapshot.changes.written));
    }
}

// Every pointer-sized aligned word of live memory (the stack in use, the globals, allocated
// payloads) that holds a heap address: what could still reference a freed block.
std::vector<Addr> heap_references(const MachineView& machine) {
    const unsigned word = info(machine.memory.data_model()).pointer_bytes;
    const Segment& heap = machine.memory.layout().segment(SegmentKind::Heap);
    std::vector<Addr> out;
    auto scan = [&](Addr first, Addr end) {
        for (Addr at = (first + word - 1) / word * word; at + word <= end; at += word) {
            std::uint64_t value = 0;
            if (machine.memory.read_word(at, word, value)) return;
            if (heap.contains(value)) out.push_back(value);
        }
    };
    // Stopped at an error the frames are still there (a use after free is still pointed to).
    if (machine.vm.state() != vm::VmState::Exited) scan(machine.vm.registers().sp, machine.memory.stack_top());
    const Segment& data = machine.memory.layout().segment(SegmentKind::Data);
    scan(data.first, data.last + 1);
    for (const alloc::Block& block : machine.allocator.blocks()) {
        if (block.state == alloc::BlockState::Allocated) scan(block.payload, block.payload + block.requested);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Concatenation without operator+ on temporaries, which GCC 12's -Wrestrict misreads at -O3.
std::string cat(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view part : parts) out.append(part);
    return out;
}

// Visits every pointer inside the object of `type` at `address` (itself, array elements, struct
// members), with its path.
template <class Visit>
void for_each_pointer(const MachineView& machine, const lang::Type* type, Addr address, const std::string& path,
                      Visit&& visit, int depth = 0) {
    if (type == nullptr || !type->is_complete() || depth > 4) return;
    if (lang::is_pointer(type)) {
        std::uint64_t value = 0;
        const unsigned word = static_cast<unsigned>(type->size());
        if (!machine.memory.read_word(address, word, value) && machine.memory.shadow(address) == Shadow::Initialized) {
            visit(type->pointee(), value, path);
        }
    } else if (lang::is_array(type) && type->element()->is_complete() && type->element()->size() > 0) {
        const std::uint64_t count = std::min<std::uint64_t>(type->size() / type->element()->size(), 256);
        for (std::uint64_t i = 0; i < count; ++i) {
            for_each_pointer(machine, type->element(), address + i * type->element()->size(),
                             cat({path, "[", std::to_string(i), "]"}), visit, depth + 1);
        }
    } else if (lang::is_record(type)) {
        for (const lang::Member& member : type->members()) {
            for_each_pointer(machine, member.type, address + member.offset, cat({path, ".", member.name}), visit, depth + 1);
        }
    }
}

constexpr std::size_t kMaxPathLength = 48;

// Which type each allocated block's payload has, by the pointers to its start: first from the
// variables of the frames shown and the globals, then from inside blocks already typed, so a
// linked list is typed node by node.
BlockTypes find_block_types(const MachineView& machine, const std::vector<alloc::Block>& blocks) {
    // Allocated payloads and their requested sizes, in address order (as blocks are): a sorted
    // vector, not a map, as a heap may hold millions.
    std::vector<std::pair<Addr, std::uint64_t>> payloads;
    for (const alloc::Block& block : blocks) {
        if (block.state == alloc::BlockState::Allocated) payloads.emplace_back(block.payload, block.requested);
    }
    auto requested = [&payloads](Addr payload) -> std::optional<std::uint64_t> {
        auto it = std::lower_bound(payloads.begin(), payloads.end(), payload,
                                   [](const auto& entry, Addr at) { return entry.first < at; });
        if (it == payloads.end() || it->first != payload) return std::nullopt;
        return it->second;
    };
    BlockTypes types;
    std::vector<Addr> typed_order;
    auto visit = [&](const lang::Type* pointee, std::uint64_t value, const std::string& path) {
        if (pointee == nullptr || !pointee->is_complete() || pointee->size() == 0 || lang::is_void(pointee)) return;
        if (!requested(value) || types.contains(value)) return;
        types[value] = {pointee, path};
        typed_order.push_back(value);
    };
    for (const vm::Vm::FrameRef& frame : machine.vm.frames()) {
        if (typed_order.size() > 4096) break;
        for (const vm::FrameSlot& slot : machine.program.functions.at(frame.function).slots) {
            for_each_pointer(machine, slot.type, frame.fp + static_cast<Addr>(slot.offset), slot.name, visit);
        }
    }
    for (std::size_t i = 0; i < machine.program.globals.size(); ++i) {
        for_each_pointer(machine, machine.program.globals[i].type, machine.vm.image().global_address[i],
                         machine.program.globals[i].name, visit);
    }
    // Breadth first through typed blocks: bounded by the number of blocks.
    for (std::size_t next = 0; next < typed_order.size(); ++next) {
        const Addr payload = typed_order[next];
        const TypedReference reference = types[payload];
        const std::uint64_t size = reference.pointee->size();
        const std::uint64_t count = std::min<std::uint64_t>(requested(payload).value_or(0) / size, ValueView::kMaxChildren);
        for (std::uint64_t i = 0; i < count; ++i) {
            // Along a long list the path would grow by a step per node (and its cost with the
            // square of the length): past a few steps, the block is named by its address, as C
            // a student can print.
            const std::string base = reference.path.size() <= kMaxPathLength
                                         ? reference.path
                                         : cat({"(", lang::to_string(reference.pointee), " *)", hex_address(payload)});
            const std::string path = count == 1 ? cat({"(*", base, ")"}) : cat({base, "[", std::to_string(i), "]"});
            for_each_pointer(machine, reference.pointee, payload + i * size, path, visit);
        }
    }
    return types;
}

void describe_heap(const MachineView& machine, Snapshot& snapshot, bool outline) {
    const std::vector<alloc::Block> blocks = machine.allocator.blocks();
    std::vector<Addr> references;
    bool scanned = false;
    std::vector<vm::Leak> leaks;
    if (machine.vm.state() == vm::VmState::Exited) leaks = vm::find_leaks(machine.memory, machine.allocator);
    const BlockTypes types = outline ? BlockTypes{} : find_block_types(machine, blocks);
    // A heap of very many blocks lists its first and its last ones (see Snapshot::heap_omitted).
    const std::size_t shown = Snapshot::kFirstHeapBlocks + Snapshot::kLastHeapBlocks;
    if (blocks.size() > shown) snapshot.heap_omitted = blocks.size() - shown;
    snapshot.heap.reserve(std::min(blocks.size(), shown));
    auto leak = leaks.begin();  // both are in address order
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const alloc::Block& block = blocks[i];
        while (leak != leaks.end() && leak->block.payload < block.payload) ++leak;
        const bool leaked = leak != leaks.end() && leak->block.payload == block.payload && !leak->reachable;
        if (leaked) ++snapshot.leaked_blocks;
        if (i >= Snapshot::kFirstHeapBlocks && blocks.size() - i > Snapshot::kLastHeapBlocks) continue;
        HeapBlockView view;
        view.header = block.header;
        view.payload = block.payload;
        view.size = block.size;
        view.requested = block.requested;
        view.padding = block.padding();
        view.overhead = block.size - block.payload_bytes;
        view.allocated = block.state == alloc::BlockState::Allocated;
        view.allocated_at = block.allocated_at;
        if (!view.allocated) {
            if (auto freed = machine.allocator.freed_block_containing(block.payload)) {
                view.freed_by_program = true;
                view.allocated_at = freed->allocated_at;
                view.freed_at = freed->freed_at;
                view.requested = freed->requested;
                if (!scanned) references = heap_references(machine), scanned = true;
                auto it = std::lower_bound(references.begin(), references.end(), block.payload);
                view.referenced = it != references.end() && *it < block.payload + std::max<std::uint64_t>(freed->requested, 1);
            }
        }
        view.leaked = leaked;
        if (!outline) describe_block_contents(machine, types, snapshot.changes.written, view);
        snapshot.heap.push_back(std::move(view));
    }
}

void describe_segments(const MachineView& machine, Snapshot& snapshot) {
    for (const Segment& segment : machine.memory.layout().segments()) {
        SegmentView view{segment.kind, std::string(name(segment.kind)), segment.first, segment.last, 0,
                         permissions_text(segment.permissions)};
        switch (segment.kind) {
            case SegmentKind::Code:
            case SegmentKind::Data: view.used = segment.size(); break;
            case SegmentKind::Heap: view.used = machine.memory.brk() - machine.memory.heap_start(); break;
            case SegmentKind::Stack:
                if (machine.vm.state() == vm::VmState::Running) view.used = machine.memory.stack_top() - machine.vm.registers().sp;
                break;
            default: break;
        }
        snapshot.segments.push_back(std::move(view));
    }
}

}  // namespace

void describe_machine(const MachineView& machine, Snapshot& snapshot, bool outline) {
    describe_frames(machine, snapshot);
    describe_globals(machine, snapshot);
    describe_heap(machine, snapshot, outline);
    describe_segments(machine, snapshot);
    snapshot.allocator.policy = std::string(alloc::name(machine.allocator.policy()));
    snapshot.allocator.metrics = machine.allocator.metrics();
    snapshot.allocator.free_lists = machine.allocator.free_lists();
}

BlockTypes block_types(const MachineView& machine) { return find_block_types(machine, machine.allocator.blocks()); }

void describe_block_contents(const MachineView& machine, const BlockTypes& types,
                             const std::vector<Changes::Range>& written, HeapBlockView& block) {
    const auto typed = types.find(block.payload);
    if (typed == types.end() || !block.allocated) return;
    block.typed_by = typed->second.path;
    const lang::Type* pointee = typed->second.pointee;
    const std::uint64_t count = block.requested / pointee->size();
    if (!budget_left(machine)) {
        count_omitted(machine, 1);
        return;
    }
    if (count == 1) {
        block.contents = describe_value(machine, cat({"*", typed->second.path}), pointee, block.payload, written);
        return;
    }
    if (count == 0) return;
    ValueView array;
    array.name = cat({"*", typed->second.path});
    array.type = cat({lang::to_string(pointee), " [", std::to_string(count), "]"});
    array.address = block.payload;
    array.size = count * pointee->size();
    std::string text = "{";
    std::size_t object_left = ValueBudget::kPerObject;
    take_value(machine, object_left);  // the array itself: budget_left said there is one
    const std::uint64_t listed = std::min<std::uint64_t>(count, ValueView::kMaxChildren);
    for (std::uint64_t i = 0; i < listed; ++i) {
        if (!take_value(machine, object_left)) {
            count_omitted(machine, listed - i);
            break;
        }
        array.children.push_back(describe_part(machine, cat({"[", std::to_string(i), "]"}), pointee,
                                               block.payload + i * pointee->size(), written, object_left));
        const ValueView& element = array.children.back();
        array.initialized = array.initialized && element.initialized;
        array.changed = array.changed || element.changed;
        if (i < 8) text.append(i > 0 ? ", " : "").append(element.value);
    }
    array.value = text + (count > 8 ? ", ...}" : "}");
    block.contents = std::move(array);
}

}  // namespace session
}  // namespace memviz
