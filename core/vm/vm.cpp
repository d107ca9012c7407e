// The instruction loop, memory access and calls. Arithmetic is in vm_arith.cpp, the
// classification of bad accesses in vm_access.cpp.
#include "vm/vm.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "support/bit_cast.h"
#include "support/format.h"

namespace memviz::vm {

std::string_view name(RuntimeErrorKind kind) {
    switch (kind) {
        case RuntimeErrorKind::NullDereference: return "null pointer dereference";
        case RuntimeErrorKind::Segfault: return "segmentation fault";
        case RuntimeErrorKind::ReadOnlyWrite: return "write to read-only memory";
        case RuntimeErrorKind::StackOverflow: return "stack overflow";
        case RuntimeErrorKind::UseAfterFree: return "use after free";
        case RuntimeErrorKind::HeapOverflow: return "heap buffer overflow";
        case RuntimeErrorKind::StackBufferOverflow: return "stack buffer overflow";
        case RuntimeErrorKind::GlobalBufferOverflow: return "global buffer overflow";
        case RuntimeErrorKind::DanglingStack: return "use of a dangling stack pointer";
        case RuntimeErrorKind::DivisionByZero: return "division by zero";
        case RuntimeErrorKind::SignedOverflow: return "signed integer overflow";
        case RuntimeErrorKind::ShiftOutOfRange: return "shift out of range";
        case RuntimeErrorKind::BadCall: return "call through a bad function pointer";
        case RuntimeErrorKind::BadReturn: return "return to a bad address";
        case RuntimeErrorKind::Library: return "library misuse";
        case RuntimeErrorKind::DoubleFree: return "double free";
        case RuntimeErrorKind::InvalidFree: return "invalid free";
        case RuntimeErrorKind::UninitializedValue: return "use of an uninitialized value";
        case RuntimeErrorKind::OverlappingCopy: return "overlapping copy";
        case RuntimeErrorKind::OutputLimit: return "output limit exceeded";
    }
    return "?";
}

std::string_view concept_anchor(RuntimeErrorKind kind) {
    switch (kind) {
        case RuntimeErrorKind::NullDereference: return "null-pointer-dereference";
        case RuntimeErrorKind::Segfault: return "segmentation-fault";
        case RuntimeErrorKind::ReadOnlyWrite: return "write-to-a-string-literal";
        case RuntimeErrorKind::StackOverflow: return "stack-overflow";
        case RuntimeErrorKind::UseAfterFree: return "use-after-free";
        case RuntimeErrorKind::HeapOverflow: return "heap-buffer-overflow";
        case RuntimeErrorKind::StackBufferOverflow: return "stack-buffer-overflow";
        case RuntimeErrorKind::GlobalBufferOverflow: return "global-buffer-overflow";
        case RuntimeErrorKind::DanglingStack: return "dangling-stack-pointer";
        case RuntimeErrorKind::DivisionByZero: return "division-by-zero";
        case RuntimeErrorKind::SignedOverflow: return "signed-integer-overflow";
        case RuntimeErrorKind::ShiftOutOfRange: return "shift-out-of-range";
        case RuntimeErrorKind::BadCall: return "bad-function-pointer";
        case RuntimeErrorKind::BadReturn: return "return-to-a-bad-address";
        case RuntimeErrorKind::Library: return "library-misuse";
        case RuntimeErrorKind::DoubleFree: return "double-free";
        case RuntimeErrorKind::InvalidFree: return "invalid-free";
        case RuntimeErrorKind::UninitializedValue: return "uninitialized-value";
        case RuntimeErrorKind::OverlappingCopy: return "overlapping-copy";
        case RuntimeErrorKind::OutputLimit: return "output-limit";
    }
    return "";
}

Vm::Vm(const Program& program, AddressSpace& memory, alloc::Allocator& allocator, Image image, Library& library)
    : m_program(program),
      m_memory(memory),
      m_allocator(allocator),
      m_image(std::move(image)),
      m_library(library),
      m_pointer_bytes(info(memory.data_model()).pointer_bytes),
      m_function_count(program.functions.size()) {}

void Vm::start(const std::vector<std::string>& args) {
    m_state = VmState::Running;
    m_registers = {};
    m_registers.sp = m_memory.stack_top();
    m_registers.fp = 0;
    m_callbacks.clear();

    // The argument strings at the very top of the stack, then argv[] (NULL-terminated) below
    // them, 16-byte aligned, as the Linux loader leaves them for the C runtime.
    std::vector<Addr> pointers;
    for (const std::string& arg : args) {
        m_registers.sp -= arg.size() + 1;
        std::vector<std::uint8_t> bytes(arg.begin(), arg.end());
        bytes.push_back(0);
        if (auto fault = m_memory.write(m_registers.sp, bytes)) {
            return fail(RuntimeErrorKind::StackOverflow, "the program's arguments do not fit on the stack",
                        "The stack limit is too small even for argv.");
        }
        pointers.push_back(m_registers.sp);
    }
    pointers.push_back(0);
    m_registers.sp = (m_registers.sp - pointers.size() * m_pointer_bytes) & ~Addr{15};
    const Addr argv = m_registers.sp;
    for (std::size_t i = 0; i < pointers.size(); ++i) {
        if (m_memory.write_word(argv + i * m_pointer_bytes, m_pointer_bytes, pointers[i])) {
            return fail(RuntimeErrorKind::StackOverflow, "the program's arguments do not fit on the stack",
                        "The stack limit is too small even for argv.");
        }
    }

    // main is called from _start: its return address is the runtime's entry.
    const Function& main = m_program.functions.at(m_program.main);
    std::uint64_t argc = 0;
    if (std::count_if(main.slots.begin(), main.slots.end(), [](const FrameSlot& s) { return s.is_parameter; }) >= 2) {
        push(args.size());
        push(argv);
        argc = 2;
    }
    m_registers.function = m_program.main;
    m_executing_function = m_program.main;
    m_executing_pc = 0;
    call(m_program.main, argc, m_image.start_address);
}

Operand Vm::pop_operand() {
    // The compiler balances the operand stack; an empty pop is a VM bug, read as zero.
    if (m_operands.empty()) return {};
    const Operand operand = m_operands.back();
    m_operands.pop_back();
    return operand;
}

bool Vm::require_initialized(std::size_t count, std::string_view what, std::string_view whom) {
    for (std::size_t i = 0; i < count && i < m_operands.size(); ++i) {
        const Operand& operand = m_operands[m_operands.size() - 1 - i];
        if (operand.initialized()) continue;
        const bool going_on = report(RuntimeError{
            RuntimeErrorKind::UninitializedValue, {},
            std::string(what) + std::string(whom) + " a value that was never initialized: it comes from " +
                describe_owner(operand.uninitialized_from),
            "A variable has no value until the program gives it one: a local declared without an "
            "initializer, or memory from malloc, holds whatever bytes were there before. Initialize "
            "it (int x = 0;) or use calloc, which clears the memory.",
            operand.uninitialized_from});
        if (!going_on) return false;
        // Reported once: from here on the garbage is just a value.
        m_operands[m_operands.size() - 1 - i].uninitialized_from = 0;
    }
    return true;
}

void Vm::fail(RuntimeErrorKind kind, std::string message, std::string explanation, std::optional<Addr> address) {
    fail(RuntimeError{kind, {}, std::move(message), std::move(explanation), address});
}

void Vm::fail(RuntimeError error) {
    if (!error.loc.valid()) error.loc = location_at(m_executing_function, m_executing_pc);
    m_error = std::move(error);
    m_state = VmState::Faulted;
}

std::uint64_t Vm::host_bytes() const {
    std::uint64_t bytes = m_operands.capacity() * sizeof(Operand) + m_callbacks.capacity() * sizeof(PendingCallback);
    auto error_bytes = [](const RuntimeError& error) {
        return sizeof(RuntimeError) + error.message.capacity() + error.explanation.capacity();
    };
    for (const RuntimeError& error : m_reported) bytes += error_bytes(error);
    if (m_error) bytes += error_bytes(*m_error);
    return bytes;
}

Vm::Saved Vm::save() const {
    return Saved{m_registers, m_executing_function, m_executing_pc, m_operands, m_state,   m_exit_status,
                 m_error,     m_reported,           m_executed,     m_charged,   m_callbacks, m_returns, m_last_return};
}

void Vm::restore(const Saved& saved) {
    m_registers = saved.registers;
    m_executing_function = saved.executing_function;
    m_executing_pc = saved.executing_pc;
    m_operands = saved.operands;
    m_state = saved.state;
    m_exit_status = saved.exit_status;
    m_error = saved.error;
    m_reported = saved.reported;
    m_executed = saved.executed;
    m_charged = saved.charged;
    m_callbacks = saved.callbacks;
    m_returns = saved.returns;
    m_last_return = saved.last_return;
    m_last_variable_returns = ~std::uint64_t{0};  // the cache may describe a later frame
}

bool Vm::continues_past(RuntimeErrorKind kind) const {
    return m_keep_going && (kind == RuntimeErrorKind::UseAfterFree || kind == RuntimeErrorKind::HeapOverflow ||
                            kind == RuntimeErrorKind::StackBufferOverflow || kind == RuntimeErrorKind::GlobalBufferOverflow ||
                            kind == RuntimeErrorKind::DanglingStack || kind == RuntimeErrorKind::SignedOverflow ||
                            kind == RuntimeErrorKind::UninitializedValue);
}

bool Vm::report(RuntimeError error) {
    if (!continues_past(error.kind)) {
        fail(std::move(error));
        return false;
    }
    if (!error.loc.valid()) error.loc = location_at(m_executing_function, m_executing_pc);
    if (m_reported.size() < kMaxReported) m_reported.push_back(std::move(error));
    return true;
}

void Vm::exit(int status) {
    m_exit_status = status;
    m_state = VmState::Exited;
}

SourceLoc Vm::location_at(std::uint32_t index, std::uint32_t pc) const {
    const Function& function = m_program.functions.at(index);
    const auto& lines = function.lines;
    auto after = std::upper_bound(lines.begin(), lines.end(), pc,
                                  [](std::uint32_t at, const LinePoint& point) { return at < point.pc; });
    if (after == lines.begin()) return function.loc;
    return std::prev(after)->loc;
}

bool Vm::at_step_point(StepKind kind) const {
    const auto& lines = m_program.functions.at(m_registers.function).lines;
    auto at = std::lower_bound(lines.begin(), lines.end(), m_registers.pc,
                               [](const LinePoint& point, std::uint32_t pc) { return point.pc < pc; });
    for (; at != lines.end() && at->pc == m_registers.pc; ++at) {
        if (at->kind == StepKind::Statement || kind == StepKind::Expression) return true;
    }
    return false;
}

void Vm::load(const Instr& instr) {
    if (!require_initialized(1, "dereferences a pointer that is")) return;
    const Addr address = pop();
    if (auto error = check_access(address, instr.width, Access::Read); error && !report(std::move(*error))) return;
    std::uint64_t value = 0;
    m_memory.read_word(address, instr.width, value);
    if ((instr.flags & kFloat32) != 0) {
        const auto f = memviz::bit_cast<float>(static_cast<std::uint32_t>(value));
        value = memviz::bit_cast<std::uint64_t>(static_cast<double>(f));
    } else if ((instr.flags & kSigned) != 0 && instr.width < 8) {
        const unsigned shift = 64u - 8u * static_cast<unsigned>(instr.width);
        value = static_cast<std::uint64_t>(static_cast<std::int64_t>(value << shift) >> shift);
    }
    push(Operand{value, m_memory.find_shadow(address, instr.width, Shadow::Uninitialized).value_or(0)});
}

void Vm::store(const Instr& instr) {
    if (m_operands.size() >= 2 && !m_operands[m_operands.size() - 2].initialized()) {
        std::swap(m_operands[m_operands.size() - 1], m_operands[m_operands.size() - 2]);
        require_initialized(1, "writes through a pointer that is");
        return;
    }
    const Operand operand = pop_operand();
    const std::uint64_t value = operand.value;
    const Addr address = pop();
    if (auto error = check_access(address, instr.width, Access::Write); error && !report(std::move(*error))) return;
    std::uint64_t bits = value;
    if ((instr.flags & kFloat32) != 0) {
        bits = memviz::bit_cast<std::uint32_t>(static_cast<float>(memviz::bit_cast<double>(value)));
    }
    // Copying an uninitialized value is not yet a mistake; the copy stays uninitialized.
    m_memory.write_word(address, instr.width, bits, operand.initialized() ? Shadow::Initialized : Shadow::Uninitialized);
    push(operand);
}

void Vm::copy_bytes(Addr destination, Addr source, std::uint64_t count) {
    std::vector<std::uint8_t> buffer(static_cast<std::size_t>(count));
    m_memory.read(source, buffer);
    m_memory.write(destination, buffer);
    // Bytes copied from uninitialized memory stay uninitialized (a struct with a field never set).
    for (std::uint64_t at = 0; at < count; ++at) {
        if (m_memory.shadow(source + at) == Shadow::Uninitialized) m_memory.set_shadow(destination + at, 1, Shadow::Uninitialized);
    }
}

void Vm::call(std::uint32_t index, std::uint64_t argc, Addr return_address) {
    const Function& callee = m_program.functions.at(index);
    const Addr stack_floor = m_memory.layout().segment(SegmentKind::Stack).first;
    const std::uint64_t needed = 2 * m_pointer_bytes + callee.frame_size;
    if (m_registers.sp < stack_floor + needed) {
        RuntimeError error{RuntimeErrorKind::StackOverflow, {},
                           "calling " + callee.name + " needs " + human_size(needed) + " more stack, past the " +
                               human_size(m_memory.layout().segment(SegmentKind::Stack).size()) + " limit",
                           "Each call takes a new frame on the stack. A recursion that never reaches its base "
                           "case, or very large local arrays, use up the stack and the program is killed.",
                           m_registers.sp - needed};
        // A local taking most of the frame is named; main's frame (it has no call to point at)
        // is blamed on that local's declaration, or else on main itself.
        const FrameSlot* huge = nullptr;
        for (const FrameSlot& slot : callee.slots) {
            if (!slot.is_parameter && slot.size >= needed / 2 && (huge == nullptr || slot.size > huge->size)) huge = &slot;
        }
        if (huge != nullptr) error.message += " (its local `" + huge->name + "` alone takes " + human_size(huge->size) + ")";
        if (index == m_program.main && m_registers.fp == 0) {
            error.loc = huge != nullptr && huge->scope_first.valid() ? huge->scope_first : callee.loc;
        }
        return fail(std::move(error));
    }
    // The values of unfinished expressions wait on the operand stack across calls, where a real
    // program keeps them in its frames: they count against the stack limit too, or a recursion
    // inside a long expression would grow host memory without bound. Each counts as the 8 bytes
    // x86-64 would spill it to.
    const std::uint64_t stack_size = m_memory.layout().segment(SegmentKind::Stack).size();
    if (m_operands.size() * sizeof(std::uint64_t) > stack_size) {
        return fail(RuntimeErrorKind::StackOverflow,
                    "calling " + callee.name + " needs more stack, past the " + human_size(stack_size) +
                        " limit: the calls under way hold " + std::to_string(m_operands.size()) +
                        " values of unfinished expressions",
                    "Each call takes a new frame on the stack, and keeps there the values of the expression "
                    "it is in the middle of. A recursion that never reaches its base case uses up the "
                    "stack and the program is killed.",
                    m_registers.sp);
    }
    // The return address, then the caller's frame pointer, as x86-64's call and push %rbp do.
    m_registers.sp -= m_pointer_bytes;
    m_memory.write_word(m_registers.sp, m_pointer_bytes, return_address);
    m_registers.sp -= m_pointer_bytes;
    m_memory.write_word(m_registers.sp, m_pointer_bytes, m_registers.fp);
    m_registers.fp = m_registers.sp;
    m_registers.sp -= callee.frame_size;
    if (callee.frame_size > 0) m_memory.set_shadow(m_registers.sp, callee.frame_size, Shadow::Uninitialized);

    // The arguments are the top argc slots, the first one deepest.
    const std::size_t first = m_operands.size() - std::min<std::size_t>(static_cast<std::size_t>(argc), m_operands.size());
    // An argument passed on is copied as a value: an uninitialized one leaves its parameter so.
    std::size_t arg = first;
    for (const FrameSlot& slot : callee.slots) {
        if (!slot.is_parameter || arg >= m_operands.size()) continue;
        const Addr place = m_registers.fp + static_cast<Addr>(slot.offset);
        switch (slot.passing) {
            case FrameSlot::Passing::Value:
                m_memory.write_word(place, static_cast<unsigned>(slot.size), m_operands[arg].value,
                                    m_operands[arg].initialized() ? Shadow::Initialized : Shadow::Uninitialized);
                break;
            case FrameSlot::Passing::Float32:
                m_memory.write_word(place, 4,
                                    memviz::bit_cast<std::uint32_t>(static_cast<float>(memviz::bit_cast<double>(m_operands[arg].value))),
                                    m_operands[arg].initialized() ? Shadow::Initialized : Shadow::Uninitialized);
                break;
            case FrameSlot::Passing::Copy:
                copy_bytes(place, m_operands[arg].value, slot.size);
                break;
        }
        ++arg;
    }
    m_operands.resize(first);
    m_registers.function = index;
    m_registers.pc = 0;
}

void Vm::call_indirect(std::uint64_t argc) {
    if (!require_initialized(1, "calls through a function pointer that is")) return;
    const Addr target = pop();
    auto point = m_image.code_point(target, m_program);
    if (!point || point->pc != 0) {
        return fail(RuntimeErrorKind::BadCall, "call through a pointer to " + hex_address(target) + ", which is not a function",
                    "A function pointer must hold the address of a function. This one is uninitialized, "
                    "NULL, or points to data.",
                    target);
    }
    call(point->function, argc, m_image.function_entry.at(m_registers.function) + m_registers.pc);
}

void Vm::builtin(const Instr& instr) {
    const std::size_t argc = std::min<std::size_t>(static_cast<std::size_t>(instr.imm), m_operands.size());
    if (!require_initialized(argc, "passes to ", m_library.function_name(instr.a))) return;
    std::vector<std::uint64_t> args;
    for (std::size_t i = m_operands.size() - argc; i < m_operands.size(); ++i) args.push_back(m_operands[i].value);
    m_operands.resize(m_operands.size() - argc);
    const std::size_t callbacks_before = m_callbacks.size();
    std::optional<RuntimeError> error;
    auto result = m_library.call(*this, instr.a, args, error);
    finish_library_call(result, std::move(error), callbacks_before);
}

// After the library ran (call or resume): fail, wait for a C function it called back, or push
// its result.
void Vm::finish_library_call(std::optional<std::uint64_t> result, std::optional<RuntimeError> error,
                             std::size_t callbacks_before) {
    if (error) return fail(std::move(*error));
    if (m_state != VmState::Running) return;
    if (m_callbacks.size() > callbacks_before) return;
    if (result) push(*result);
}

std::optional<RuntimeError> Vm::call_back(Addr function, std::span<const std::uint64_t> args, const LibraryFrame& frame) {
    auto point = m_image.code_point(function, m_program);
    if (!point || point->pc != 0) {
        return RuntimeError{RuntimeErrorKind::BadCall, {},
                            "the library was given " + hex_address(function) + " to call, which is not a function",
                            "A function pointer passed to qsort or bsearch must hold the address of a "
                            "function, such as the name of your comparison function.",
                            function};
    }
    const Addr return_address = m_image.function_entry.at(m_executing_function) + m_executing_pc;
    m_callbacks.push_back(PendingCallback{frame, return_address, m_registers.fp});
    for (std::uint64_t arg : args) push(arg);
    call(point->function, args.size(), return_address);
    return std::nullopt;
}

void Vm::return_from(const Instr& instr) {
    const bool has_value = (instr.flags & kHasValue) != 0;
    const Operand result = has_value ? pop_operand() : Operand{};
    const std::uint64_t value = result.value;
    const Function& function = m_program.functions.at(m_registers.function);
    const Addr frame_low = m_registers.fp - function.frame_size;
    std::uint64_t saved_fp = 0;
    std::uint64_t return_address = 0;
    m_memory.read_word(m_registers.fp, m_pointer_bytes, saved_fp);
    m_memory.read_word(m_registers.fp + m_pointer_bytes, m_pointer_bytes, return_address);
    // The frame's bytes stay as they were, but belong to no one now.
    m_memory.set_shadow(frame_low, m_registers.fp + 2 * m_pointer_bytes - frame_low, Shadow::PoppedFrame);
    m_registers.sp = m_registers.fp + 2 * m_pointer_bytes;
    m_registers.fp = saved_fp;
    ++m_returns;
    m_last_return = Return{m_registers.function, result, has_value, m_returns};

    if (return_address == m_image.start_address) {
        // The exit status is used by the shell: it must have a value.
        push(result);
        if (!require_initialized(1, "main returns")) return;
        return exit(static_cast<int>(static_cast<std::int32_t>(pop())));
    }
    auto point = m_image.code_point(return_address, m_program);
    if (point && !m_callbacks.empty() && m_callbacks.back().return_address == return_address &&
        m_callbacks.back().fp == m_registers.fp) {
        // A C function the library called back returns into the library function, which
        // continues as if it were still executing its Builtin instruction.
        const LibraryFrame frame = m_callbacks.back().frame;
        m_callbacks.pop_back();
        m_registers.function = point->function;
        m_registers.pc = point->pc + 1;
        m_executing_function = point->function;
        m_executing_pc = point->pc;
        push(result);
        if (!require_initialized(1, "returns to ", m_library.function_name(frame.id))) return;
        pop();
        const std::size_t callbacks_before = m_callbacks.size();
        std::optional<RuntimeError> error;
        auto resumed = m_library.resume(*this, frame, value, error);
        return finish_library_call(resumed, std::move(error), callbacks_before);
    }
    if (!point) {
        return fail(RuntimeErrorKind::BadReturn,
                    function.name + " returned to " + hex_address(return_address) + ", which is not code",
                    "The return address saved in the frame was overwritten, usually by writing past the "
                    "end of a local array (a stack buffer overflow).",
                    return_address);
    }
    m_registers.function = point->function;
    m_registers.pc = point->pc;
    if (has_value) push(result);
}

void Vm::execute() {
    const ChargeWork charge(*this);
    if (m_registers.function >= m_function_count) throw std::out_of_range("Vm::execute: no such function");
    const Function& function = m_program.functions[m_registers.function];
    if (m_registers.pc >= function.code.size()) {
        // Falling off the end of a function returns, as the compiler's final `ret` would.
        return return_from(Instr{Op::Return, 8, 0, 0, 0});
    }
    m_executing_function = m_registers.function;
    m_executing_pc = m_registers.pc;
    const Instr& instr = function.code[m_registers.pc++];
    ++m_executed;
    switch (instr.op) {
        case Op::Const: return push(static_cast<std::uint64_t>(instr.imm));
        case Op::Drop: pop(); return;
        case Op::Dup: return push(m_operands.empty() ? Operand{} : m_operands.back());
        case Op::Swap:
            if (m_operands.size() >= 2) std::swap(m_operands[m_operands.size() - 1], m_operands[m_operands.size() - 2]);
            return;
        case Op::Over: return push(m_operands.size() >= 2 ? m_operands[m_operands.size() - 2] : Operand{});
        case Op::FrameAddr: return push(m_registers.fp + static_cast<Addr>(instr.imm));
        case Op::GlobalAddr: return push(m_image.global_address.at(instr.a) + static_cast<Addr>(instr.imm));
        case Op::StringAddr: return push(m_image.string_address.at(instr.a) + static_cast<Addr>(instr.imm));
        case Op::FuncAddr: return push(m_image.function_entry.at(instr.a));
        case Op::Load: return load(instr);
        case Op::Store: return store(instr);
        case Op::CopyBytes: {
            if (!require_initialized(2, "copies through a pointer that is")) return;
            const Addr source = pop();
            const Addr destination = pop();
            const auto bytes = static_cast<std::uint64_t>(instr.imm);
            if (auto error = check_access(source, bytes, Access::Read); error && !report(std::move(*error))) return;
            if (auto error = check_access(destination, bytes, Access::Write); error && !report(std::move(*error))) return;
            copy_bytes(destination, source, bytes);
            return push(destination);
        }
        case Op::CheckBounds: {
            const std::uint64_t size = pop();
            const Addr base = pop();
            if (!require_initialized(1, "indexes an array with")) return;
            const Addr address = m_operands.empty() ? 0 : m_operands.back().value;
            const auto bytes = static_cast<std::uint64_t>(instr.imm);
            if (address >= base && address - base <= size && bytes <= size - (address - base)) return;
            report(bounds_error(address, bytes, base, size, instr.a == 0, "array"));
            return;
        }
        case Op::CheckPointer: {
            const Addr base = pop();
            if (m_operands.empty()) return;
            if (auto error = check_object_bounds(base, m_operands.back().value, static_cast<std::uint64_t>(instr.imm))) {
                report(std::move(*error));
            }
            return;
        }
        case Op::ZeroBytes: {
            if (!require_initialized(1, "clears memory through a pointer that is")) return;
            const Addr destination = pop();
            const auto bytes = static_cast<std::uint64_t>(instr.imm);
            if (auto error = check_access(destination, bytes, Access::Write); error && !report(std::move(*error))) return;
            m_memory.fill(destination, bytes, 0);
            return;
        }
        case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: case Op::Rem: case Op::Shl: case Op::Shr:
        case Op::BitAnd: case Op::BitOr: case Op::BitXor: case Op::Neg: case Op::BitNot:
        case Op::Eq: case Op::Ne: case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge:
            return integer_op(instr);
        case Op::LogNot: {
            const Operand operand = pop_operand();  // conditions are decided at the jump
            return push(Operand{operand.value == 0, operand.uninitialized_from});
        }
        case Op::FAdd: case Op::FSub: case Op::FMul: case Op::FDiv: case Op::FNeg:
        case Op::FEq: case Op::FNe: case Op::FLt: case Op::FLe: case Op::FGt: case Op::FGe:
            return float_op(instr);
        case Op::IntCast: case Op::IntToFloat: case Op::FloatToInt: case Op::FloatRound:
            return convert(instr);
        case Op::Jump: m_registers.pc = instr.a; return;
        case Op::JumpIfZero:
        case Op::JumpIfNotZero:
            if (!require_initialized(1, "decides which way to go on")) return;
            if ((pop() == 0) == (instr.op == Op::JumpIfZero)) m_registers.pc = instr.a;
            return;
        case Op::Call:
            // The return address is the next instruction's, as x86's call pushes it.
            return call(instr.a, static_cast<std::uint64_t>(instr.imm),
                        m_image.function_entry.at(m_registers.function) + m_registers.pc);
        case Op::CallIndirect: return call_indirect(static_cast<std::uint64_t>(instr.imm));
        case Op::Builtin: return builtin(instr);
        case Op::Return: return return_from(instr);
    }
}

}  // namespace memviz::vm
