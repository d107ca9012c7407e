// The VM: runs a loaded Program one instruction at a time over the simulated address space.
// Frames live in simulated stack memory (see docs/architecture.md, "Execution and history"); the
// only state outside simulated memory is the registers below and the operand stack, which is
// what the history layer records besides memory.
//
// Invariants: fp points at the saved frame pointer of the running function, with the return
// address one pointer above it; sp <= fp - frame_size; the operand stack holds the running
// expression's slots above the slots of callers that were mid-expression when they called.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "alloc/allocator.h"
#include "mem/address_space.h"
#include "vm/bytecode.h"
#include "vm/image.h"
#include "vm/library.h"
#include "vm/runtime_error.h"

namespace memviz::vm {

struct Registers {
    std::uint32_t function = 0;  // index of the running function
    std::uint32_t pc = 0;        // index of the next instruction in it
    Addr sp = 0;
    Addr fp = 0;
    bool operator==(const Registers&) const = default;
};

enum class VmState : std::uint8_t { Running, Exited, Faulted };

// An operand slot. A value loaded from bytes the program never initialized carries the address
// it came from, and so does everything copied or converted from it, until it is used in a way
// that matters (arithmetic, a branch, an address, a library call): that use is the error.
struct Operand {
    std::uint64_t value = 0;
    Addr uninitialized_from = 0;  // 0: initialized (address 0 is never program memory)
    bool initialized() const { return uninitialized_from == 0; }
    bool operator==(const Operand&) const = default;
};

// A library function waiting for a C function it called back (see library.h): the C function
// returns to `return_address` (the Builtin instruction's own address) with the frame pointer
// back at `fp`, and that return resumes the library function instead of the caller.
struct PendingCallback {
    LibraryFrame frame;
    Addr return_address = 0;
    Addr fp = 0;
    bool operator==(const PendingCallback&) const = default;
};

class Vm {
public:
    Vm(const Program& program, AddressSpace& memory, alloc::Allocator& allocator, Image image,
       Library& library);

    // Lays out argc/argv at the top of the stack as the OS does and enters main.
    void start(const std::vector<std::string>& args);

    // Executes one instruction. Precondition: state() == Running.
    void execute();
    // Steps charged for memory work beyond the instructions themselves: an instruction that goes
    // through many bytes (a library call such as memset or strlen, a struct copy, a call marking
    // a big frame, a malloc or free walking a long free list) counts one more step per
    // kBulkBytesPerStep bytes, so that a step budget bounds the time a run takes even when each
    // of its instructions clears megabytes.
    std::uint64_t charged_steps() const { return m_charged; }
    // The steps a budget counts: instructions executed, and the steps charged.
    std::uint64_t steps_taken() const { return m_executed + m_charged; }
    static constexpr std::uint64_t kBulkBytesPerStep = 64;

    VmState state() const { return m_state; }
    const Registers& registers() const { return m_registers; }
    const std::vector<Operand>& operands() const { return m_operands; }
    int exit_status() const { return m_exit_status; }
    const std::optional<RuntimeError>& error() const { return m_error; }
    std::uint64_t instructions_executed() const { return m_executed; }

    // The source position of the next instruction (the last line point at or before it).
    SourceLoc location() const { return location_at(m_registers.function, m_registers.pc); }
    SourceLoc location_at(std::uint32_t function, std::uint32_t pc) const;
    // Whether the next instruction begins a construct of this kind (a step point).
    bool at_step_point(StepKind kind) const;

    const Program& program() const { return m_program; }
    const Image& image() const { return m_image; }
    AddressSpace& memory() { return m_memory; }
    alloc::Allocator& allocator() { return m_allocator; }

    // For the library: stop the program (exit()) or fail it with an error.
    void exit(int status);
    void fail(RuntimeError error);

    // Keep going: errors whose consequence C defines in practice (an overflow that corrupts a
    // neighbour, a read of a reused freed block, a wrapped signed overflow, garbage from an
    // uninitialized value) are reported and the program continues with what the hardware would
    // do; faults (segfault, NULL, stack overflow, bad call or return, ...) still stop it.
    void set_keep_going(bool keep_going) { m_keep_going = keep_going; }
    // The errors the program continued past, in order (at most kMaxReported).
    const std::vector<RuntimeError>& reported() const { return m_reported; }
    static constexpr std::size_t kMaxReported = 100;
    // Classifies an access the program is about to make: nothing when it may go ahead.
    std::optional<RuntimeError> check_access(Addr address, std::uint64_t bytes, Access access) const;
    // An access of `bytes` at `address` through a pointer derived from `base`: when `base` lies
    // in a variable (a local, parameter or global), the access must stay inside that variable.
    // This is how memviz sees a stack or global buffer overflow through a pointer (a helper
    // indexing past its caller's array, strcpy into a small local buffer) without tracking
    // where every pointer came from; a pointer moved with p++ into a neighbour is not caught.
    std::optional<RuntimeError> check_object_bounds(Addr base, Addr address, std::uint64_t bytes) const;
    // Fails with `error`, or, keeping going past this kind, records it: true to go on.
    bool report(RuntimeError error);
    // Whether report() records an error of this kind and goes on (--keep-going, survivable kind).
    bool continues_past(RuntimeErrorKind kind) const;
    // A live frame: its frame pointer and function, for views and error messages.
    struct FrameRef {
        Addr fp = 0;
        std::uint32_t function = 0;
    };
    // The variable holding `address`: a live frame's parameter or local, or a global. Variables
    // of sibling blocks may share frame bytes: the largest one holding the address is chosen, so
    // that bounds taken from it never call a valid access an overflow.
    struct Variable {
        Addr first = 0;
        std::uint64_t size = 0;
        bool on_stack = false;
        bool is_parameter = false;
        std::string_view name;
        const lang::Type* type = nullptr;
        std::uint32_t function = 0;  // whose frame, when on the stack
    };
    std::optional<Variable> variable_containing(Addr address) const;
    // The call stack, innermost first, found by following the saved frame pointers and return
    // addresses in simulated memory (so it shows what the program's own bytes say).
    std::vector<FrameRef> frames() const;
    // Where the instruction being executed (the library call) is in the source.
    SourceLoc executing_location() const { return location_at(m_executing_function, m_executing_pc); }
    // For a library function that calls back into C: once the library returns, the VM calls the
    // function at `function` with `args`; when it returns, Library::resume gets its value and
    // `frame`. An error when `function` is not the address of a function.
    std::optional<RuntimeError> call_back(Addr function, std::span<const std::uint64_t> args, const LibraryFrame& frame);
    // Library functions waiting for the C functions they called, innermost last.
    const std::vector<PendingCallback>& pending_callbacks() const { return m_callbacks; }

    // The last C function that returned, and its value: what a debugger shows after `finish`.
    struct Return {
        std::uint32_t function = 0;
        Operand value;
        bool has_value = false;
        std::uint64_t number = 0;  // how many returns there have been, this one included
        bool operator==(const Return&) const = default;
    };
    const std::optional<Return>& last_return() const { return m_last_return; }

    // Host bytes the VM keeps outside simulated memory: the operand stack, the pending
    // callbacks, the errors. The operand stack is bounded by the stack limit (see call()).
    std::uint64_t host_bytes() const;

    // For the history layer: everything the VM keeps outside simulated memory. Restoring it
    // together with the memory, the allocator and the library puts the run exactly back.
    struct Saved {
        Registers registers;
        std::uint32_t executing_function = 0;
        std::uint32_t executing_pc = 0;
        std::vector<Operand> operands;
        VmState state = VmState::Exited;
        int exit_status = 0;
        std::optional<RuntimeError> error;
        std::vector<RuntimeError> reported;
        std::uint64_t executed = 0;
        std::uint64_t charged = 0;
        std::vector<PendingCallback> callbacks;
        std::uint64_t returns = 0;
        std::optional<Return> last_return;
        bool operator==(const Saved&) const = default;
    };
    Saved save() const;
    void restore(const Saved& saved);

private:
    std::uint64_t pop() { return pop_operand().value; }
    Operand pop_operand();
    // Flattened: GCC left vector::push_back out of line, a call per operand (15 % of a run).
    [[gnu::flatten]] void push(std::uint64_t value) { m_operands.push_back({value, 0}); }
    [[gnu::flatten]] void push(Operand operand) { m_operands.push_back(operand); }
    // Fails when one of the top `count` operands is uninitialized; `what` says how it is used.
    // `what` and `whom` are only joined into a message on failure: this runs on every operation.
    bool require_initialized(std::size_t count, std::string_view what, std::string_view whom = {});
    // "the local variable `x` of main", "the 16-byte block at 0x4052a0": what owns `address`.
    std::string describe_owner(Addr address) const;
    void fail(RuntimeErrorKind kind, std::string message, std::string explanation,
              std::optional<Addr> address = std::nullopt);
    // The stack buffer or global buffer overflow error for an access outside [first, first + size).
    RuntimeError bounds_error(Addr address, std::uint64_t bytes, Addr first, std::uint64_t size, bool on_stack,
                              std::string_view what) const;

    // Charges the memory work of the instruction being executed when it ends, however it returns.
    struct ChargeWork {
        explicit ChargeWork(Vm& executing) : vm(executing), before(executing.m_memory.work_bytes()) {}
        ~ChargeWork() { vm.m_charged += (vm.m_memory.work_bytes() - before) / kBulkBytesPerStep; }
        ChargeWork(const ChargeWork&) = delete;
        ChargeWork& operator=(const ChargeWork&) = delete;
        Vm& vm;
        std::uint64_t before;
    };
    void load(const Instr& instr);
    void store(const Instr& instr);
    void integer_op(const Instr& instr);
    void float_op(const Instr& instr);
    void convert(const Instr& instr);
    void call(std::uint32_t function, std::uint64_t argc, Addr return_address);
    void copy_bytes(Addr destination, Addr source, std::uint64_t count);
    void call_indirect(std::uint64_t argc);
    void builtin(const Instr& instr);
    void return_from(const Instr& instr);
    void finish_library_call(std::optional<std::uint64_t> result, std::optional<RuntimeError> error,
                             std::size_t callbacks_before);

    const Program& m_program;
    AddressSpace& m_memory;
    alloc::Allocator& m_allocator;
    Image m_image;
    Library& m_library;
    unsigned m_pointer_bytes;
    // m_program.functions.size(), kept: vector::at divides by sizeof(Function) on every instruction.
    std::size_t m_function_count;

    Registers m_registers;
    // The instruction being executed, which an error points at (registers().pc is already past it).
    std::uint32_t m_executing_function = 0;
    std::uint32_t m_executing_pc = 0;
    std::vector<Operand> m_operands;
    VmState m_state = VmState::Exited;
    int m_exit_status = 0;
    std::optional<RuntimeError> m_error;
    bool m_keep_going = false;
    std::vector<RuntimeError> m_reported;
    std::uint64_t m_executed = 0;
    std::uint64_t m_charged = 0;
    std::vector<PendingCallback> m_callbacks;
    // The last variable check_object_bounds found, valid while no frame has returned since:
    // loops indexing one array through a pointer look it up once.
    mutable Variable m_last_variable;
    mutable std::uint64_t m_last_variable_returns = ~std::uint64_t{0};
    std::uint64_t m_returns = 0;  // frames popped so far
    std::optional<Return> m_last_return;
};

}  // namespace memviz::vm
