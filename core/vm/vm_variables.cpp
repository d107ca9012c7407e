// Which variable owns an address: the call stack read back from simulated memory, each frame's
// parameters and locals, and the globals. Used for error messages and for the bounds of
// accesses through pointers into variables (stack and global buffer overflows).
#include <string>

#include "support/format.h"
#include "vm/vm.h"

namespace memviz::vm {

std::vector<Vm::FrameRef> Vm::frames() const {
    std::vector<FrameRef> out;
    if (m_state == VmState::Exited) return out;
    Addr fp = m_registers.fp;
    std::uint32_t function = m_registers.function;
    // Bounded: a corrupted chain of saved frame pointers must not loop forever.
    const std::uint64_t most = m_memory.layout().segment(SegmentKind::Stack).size() / (2 * m_pointer_bytes) + 1;
    while (fp != 0 && out.size() < most) {
        out.push_back({fp, function});
        std::uint64_t saved_fp = 0;
        std::uint64_t return_address = 0;
        if (m_memory.read_word(fp, m_pointer_bytes, saved_fp) ||
            m_memory.read_word(fp + m_pointer_bytes, m_pointer_bytes, return_address)) break;
        auto caller = m_image.code_point(return_address, m_program);
        if (!caller || saved_fp <= fp) break;  // main's caller is _start; frames only go up
        fp = saved_fp;
        function = caller->function;
    }
    return out;
}

std::optional<Vm::Variable> Vm::variable_containing(Addr address) const {
    const Segment* segment = m_memory.layout().segment_of(address);
    if (segment == nullptr) return std::nullopt;
    if (segment->kind == SegmentKind::Stack) {
        for (const FrameRef& frame : frames()) {
            std::optional<Variable> found;
            for (const FrameSlot& slot : m_program.functions.at(frame.function).slots) {
                const Addr first = frame.fp + static_cast<Addr>(slot.offset);
                if (address >= first && address - first < slot.size && (!found || slot.size > found->size)) {
                    found = Variable{first, slot.size, true, slot.is_parameter, slot.name, slot.type, frame.function};
                }
            }
            if (found) return found;
        }
    } else if (segment->kind == SegmentKind::Data) {
        for (std::size_t index = 0; index < m_program.globals.size(); ++index) {
            const Global& global = m_program.globals[index];
            const Addr first = m_image.global_address[index];
            if (address >= first && address - first < global.size) {
                return Variable{first, global.size, false, false, global.name, global.type, 0};
            }
        }
    }
    return std::nullopt;
}

std::string Vm::describe_owner(Addr address) const {
    const Segment* segment = m_memory.layout().segment_of(address);
    if (segment != nullptr && segment->kind == SegmentKind::Heap) {
        if (auto block = m_allocator.block_containing(address); block && block->state == alloc::BlockState::Allocated) {
            return "the " + std::to_string(block->requested) + "-byte block at " + hex_address(block->payload) +
                   (block->allocated_at != 0 ? " allocated on line " + std::to_string(block->allocated_at) : std::string()) +
                   " (malloc does not clear memory)";
        }
    }
    if (auto variable = variable_containing(address)) {
        const std::string name(variable->name);
        if (!variable->on_stack) return "the global variable `" + name + "`";
        return std::string(variable->is_parameter ? "the parameter `" : "the local variable `") + name + "` of " +
               m_program.functions.at(variable->function).name;
    }
    return "memory at " + hex_address(address);
}

std::optional<RuntimeError> Vm::check_object_bounds(Addr base, Addr address, std::uint64_t bytes) const {
    const Segment* segment = m_memory.layout().segment_of(base);
    if (segment == nullptr || (segment->kind != SegmentKind::Stack && segment->kind != SegmentKind::Data)) {
        return std::nullopt;
    }
    Variable variable = m_last_variable;
    if (m_last_variable_returns != m_returns || base < variable.first || base - variable.first >= variable.size) {
        auto found = variable_containing(base);
        if (!found) return std::nullopt;
        variable = m_last_variable = *found;
        m_last_variable_returns = m_returns;
    }
    const std::uint64_t offset = address - variable.first;
    if (address >= variable.first && offset <= variable.size && bytes <= variable.size - offset) return std::nullopt;
    return bounds_error(address, bytes, variable.first, variable.size, variable.on_stack, "variable");
}

RuntimeError Vm::bounds_error(Addr address, std::uint64_t bytes, Addr first, std::uint64_t size, bool on_stack,
                              std::string_view what) const {
    // The distance as the program computed it: signed, and as wide as its pointers.
    const unsigned bits = 8 * m_pointer_bytes;
    const std::int64_t delta = static_cast<std::int64_t>((address - first) << (64 - bits)) >> (64 - bits);
    const std::string where = delta < 0 ? std::to_string(-delta) + " bytes before the start"
                              : static_cast<std::uint64_t>(delta) == size ? "just past the end"
                              : static_cast<std::uint64_t>(delta) > size
                                  ? std::to_string(static_cast<std::uint64_t>(delta) - size) + " bytes past the end"
                                  : "running past the end";
    return RuntimeError{on_stack ? RuntimeErrorKind::StackBufferOverflow : RuntimeErrorKind::GlobalBufferOverflow, {},
                        "access of " + std::to_string(bytes) + (bytes == 1 ? " byte at " : " bytes at ") +
                            hex_address(address) + ", " + where + " of " + describe_owner(first) + " (a " +
                            std::to_string(size) + "-byte " + std::string(what) + " at " + hex_address(first) + ")",
                        "An array has exactly the elements it was declared with: for `int a[5]` the "
                        "valid indexes are 0 to 4. Past its end lie other variables (or, on the "
                        "stack, the saved frame pointer and return address), which the access would "
                        "silently change or read.",
                        address};
}

}  // namespace memviz::vm
