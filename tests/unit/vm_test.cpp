// The VM core on hand-assembled bytecode: frames in simulated memory, calls and returns,
// arithmetic as C defines it, and every error it detects by itself.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "support/bit_cast.h"
#include "alloc/allocator.h"
#include "vm/machine.h"

using namespace memviz;
using namespace memviz::vm;

namespace {

// A tiny library for these tests: 0 = malloc(n), 1 = free(p), 2 = exit(status).
struct TestLibrary final : Library {
    std::optional<std::uint64_t> call(Vm& vm, std::uint32_t id, std::span<const std::uint64_t> args,
                                      std::optional<RuntimeError>& error) override {
        switch (id) {
            case 0: return vm.allocator().malloc(args[0]).value_or(0);
            case 1:
                if (auto problem = vm.allocator().free(args[0])) {
                    error = RuntimeError{RuntimeErrorKind::Library, {}, problem->message, "", args[0]};
                }
                return std::nullopt;
            case 2: vm.exit(static_cast<int>(args[0])); return std::nullopt;
        }
        return std::nullopt;
    }
};

Instr op(Op code, std::int64_t imm = 0, std::uint32_t a = 0, std::uint8_t width = 8, std::uint8_t flags = 0) {
    return Instr{code, width, flags, a, imm};
}
Instr i32(Op code) { return op(code, 0, 0, 4, kSigned); }

Function function(std::string name, std::vector<Instr> code, std::uint64_t frame_size = 0,
                  std::vector<FrameSlot> slots = {}) {
    Function f;
    f.name = std::move(name);
    f.code = std::move(code);
    f.frame_size = frame_size;
    f.slots = std::move(slots);
    for (std::uint32_t pc = 0; pc < f.code.size(); ++pc) f.lines.push_back({pc, {pc + 1, 1}, StepKind::Statement});
    return f;
}

FrameSlot param(std::string name, std::int64_t offset, std::uint64_t size) {
    FrameSlot slot;
    slot.name = std::move(name);
    slot.offset = offset;
    slot.size = size;
    slot.is_parameter = true;
    return slot;
}

// A loaded test program with its own library, run to the end or step by step.
struct Rig {
    explicit Rig(Program p, LayoutConfig layout = {}) : program(std::move(p)) {
        auto loaded = vm::Machine::load(program, library, {.heap_limit = layout.heap_limit, .stack_limit = layout.stack_limit});
        REQUIRE(loaded.ok());
        machine = std::move(loaded.value());
        memory = &machine->memory();
        vm = &machine->vm();
    }
    // Runs to the end, at most `limit` instructions.
    VmState run(const std::vector<std::string>& args = {"prog"}, std::uint64_t limit = 1'000'000) {
        return machine->run(args, limit);
    }
    RuntimeErrorKind error_kind() const {
        REQUIRE(vm->error());
        return vm->error()->kind;
    }

    Program program;
    TestLibrary library;
    std::unique_ptr<vm::Machine> machine;
    AddressSpace* memory = nullptr;
    Vm* vm = nullptr;
};

Program with_main(std::vector<Instr> code, std::uint64_t frame_size = 0) {
    Program program;
    program.functions.push_back(function("main", std::move(code), frame_size));
    return program;
}

}  // namespace

TEST_CASE("main's return value is the exit status") {
    Rig m(with_main({op(Op::Const, 2), op(Op::Const, 3), op(Op::Const, 4), i32(Op::Mul), i32(Op::Add),
                         op(Op::Return, 0, 0, 8, kHasValue)}));
    CHECK(m.run() == VmState::Exited);
    CHECK(m.vm->exit_status() == 14);
}

TEST_CASE("locals live in the frame in simulated stack memory") {
    // int x = 5; x = x + 1; return x;   with x at fp - 4
    Rig m(with_main({op(Op::FrameAddr, -4), op(Op::Const, 5), op(Op::Store, 0, 0, 4), op(Op::Drop),
                         op(Op::FrameAddr, -4), op(Op::FrameAddr, -4), op(Op::Load, 0, 0, 4, kSigned),
                         op(Op::Const, 1), i32(Op::Add), op(Op::Store, 0, 0, 4), op(Op::Drop),
                         op(Op::FrameAddr, -4), op(Op::Load, 0, 0, 4, kSigned), op(Op::Return, 0, 0, 8, kHasValue)},
                        16));
    m.vm->start({"prog"});
    for (int i = 0; i < 4; ++i) m.vm->execute();
    const Addr x = m.vm->registers().fp - 4;
    std::uint64_t value = 0;
    REQUIRE_FALSE(m.memory->read_word(x, 4, value));
    CHECK(value == 5);
    CHECK(m.memory->shadow(x) == Shadow::Initialized);
    CHECK(m.memory->shadow(x - 4) == Shadow::Uninitialized);  // the rest of the frame
    while (m.vm->state() == VmState::Running) m.vm->execute();
    CHECK(m.vm->exit_status() == 6);
}

TEST_CASE("a call pushes the return address and the saved frame pointer, as on x86-64") {
    Program program;
    // main: return f(7) + 1;   f(n): return n * 2;  (n at fp - 4)
    program.functions.push_back(function("main", {op(Op::Const, 7), op(Op::Call, 1, 1), op(Op::Const, 1), i32(Op::Add),
                                                  op(Op::Return, 0, 0, 8, kHasValue)}));
    program.functions.push_back(function("f", {op(Op::FrameAddr, -4), op(Op::Load, 0, 0, 4, kSigned), op(Op::Const, 2),
                                               i32(Op::Mul), op(Op::Return, 0, 0, 8, kHasValue)},
                                         16, {param("n", -4, 4)}));
    Rig m(std::move(program));
    m.vm->start({"prog"});
    const Addr main_fp = m.vm->registers().fp;
    m.vm->execute();  // const 7
    m.vm->execute();  // call f
    CHECK(m.vm->registers().function == 1);
    const Addr fp = m.vm->registers().fp;
    CHECK(fp == main_fp - 16);  // main's frame is empty: two words below it
    std::uint64_t saved_fp = 0;
    std::uint64_t return_address = 0;
    REQUIRE_FALSE(m.memory->read_word(fp, 8, saved_fp));
    REQUIRE_FALSE(m.memory->read_word(fp + 8, 8, return_address));
    CHECK(saved_fp == main_fp);
    CHECK(return_address == m.vm->image().function_entry[0] + 2);  // the instruction after the call
    CHECK(m.memory->layout().segment_of(return_address)->kind == SegmentKind::Code);
    std::uint64_t n = 0;
    REQUIRE_FALSE(m.memory->read_word(fp - 4, 4, n));
    CHECK(n == 7);
    while (m.vm->state() == VmState::Running) m.vm->execute();
    CHECK(m.vm->exit_status() == 15);
    CHECK(m.memory->shadow(fp - 4) == Shadow::PoppedFrame);
}

TEST_CASE("recursion runs in simulated frames and overflows the simulated stack, not the host's") {
    Program program;
    // main: return fact(5);   fact(n): if (n <= 1) return 1; return n * fact(n - 1);
    program.functions.push_back(function("main", {op(Op::Const, 5), op(Op::Call, 1, 1), op(Op::Return, 0, 0, 8, kHasValue)}));
    program.functions.push_back(function(
        "fact",
        {op(Op::FrameAddr, -4), op(Op::Load, 0, 0, 4, kSigned), op(Op::Const, 1), i32(Op::Le), op(Op::JumpIfZero, 0, 7),
         op(Op::Const, 1), op(Op::Return, 0, 0, 8, kHasValue),
         /* 7 */ op(Op::FrameAddr, -4), op(Op::Load, 0, 0, 4, kSigned), op(Op::FrameAddr, -4), op(Op::Load, 0, 0, 4, kSigned),
         op(Op::Const, 1), i32(Op::Sub), op(Op::Call, 1, 1), i32(Op::Mul), op(Op::Return, 0, 0, 8, kHasValue)},
        16, {param("n", -4, 4)}));
    SUBCASE("fact(5)") {
        Rig m(program);
        CHECK(m.run() == VmState::Exited);
        CHECK(m.vm->exit_status() == 120);
    }
    SUBCASE("fact(1000000) with an 8 KiB stack") {
        program.functions[0].code[0].imm = 1000000;
        Rig m(program, {.stack_limit = 8192});
        CHECK(m.run() == VmState::Faulted);
        CHECK(m.error_kind() == RuntimeErrorKind::StackOverflow);
        CHECK(m.vm->error()->message.find("calling fact needs 32 bytes more stack, past the 8 KiB limit") != std::string::npos);
        CHECK(m.vm->error()->loc.line == 14);  // the call instruction's line point
    }
}

TEST_CASE("signed overflow, division by zero and bad shifts are errors; unsigned wraps") {
    auto run = [](std::vector<Instr> code) {
        code.push_back(op(Op::Return, 0, 0, 8, kHasValue));
        auto m = std::make_unique<Rig>(with_main(std::move(code)));
        m->run();
        return m;
    };
    auto overflow = run({op(Op::Const, 2147483647), op(Op::Const, 1), i32(Op::Add)});
    CHECK(overflow->error_kind() == RuntimeErrorKind::SignedOverflow);
    CHECK(overflow->vm->error()->message == "the addition overflows int");

    auto wraps = run({op(Op::Const, 0xffffffff), op(Op::Const, 1), op(Op::Add, 0, 0, 4, 0)});
    CHECK(wraps->vm->state() == VmState::Exited);
    CHECK(wraps->vm->exit_status() == 0);

    auto zero = run({op(Op::Const, 1), op(Op::Const, 0), i32(Op::Div)});
    CHECK(zero->error_kind() == RuntimeErrorKind::DivisionByZero);
    auto min_div = run({op(Op::Const, -2147483648LL), op(Op::Const, -1), i32(Op::Div)});
    CHECK(min_div->error_kind() == RuntimeErrorKind::SignedOverflow);
    auto shift = run({op(Op::Const, 1), op(Op::Const, 32), i32(Op::Shl)});
    CHECK(shift->error_kind() == RuntimeErrorKind::ShiftOutOfRange);
    auto negative = run({op(Op::Const, -7), op(Op::Const, 2), i32(Op::Div)});
    CHECK(negative->vm->exit_status() == -3);  // C truncates toward zero
}

TEST_CASE("conversions keep C's widths and signedness") {
    auto result = [](std::vector<Instr> code) {
        code.push_back(op(Op::Return, 0, 0, 8, kHasValue));
        Rig m(with_main(std::move(code)));
        m.run();
        return m.vm->exit_status();
    };
    CHECK(result({op(Op::Const, 300), op(Op::IntCast, 0, 0, 1, kSigned)}) == 44);    // (signed char)300
    CHECK(result({op(Op::Const, 200), op(Op::IntCast, 0, 0, 1, kSigned)}) == -56);   // (signed char)200
    CHECK(result({op(Op::Const, 7), op(Op::IntToFloat, 0, 0, 4, kSigned), op(Op::Const, 2),
                  op(Op::IntToFloat, 0, 0, 4, kSigned), op(Op::FDiv), op(Op::FloatToInt, 0, 0, 4, kSigned)}) == 3);
    CHECK(result({op(Op::Const, static_cast<std::int64_t>(memviz::bit_cast<std::uint64_t>(-2.75))),
                  op(Op::FloatToInt, 0, 0, 4, kSigned)}) == -2);
}

TEST_CASE("memory errors are caught at the instruction that makes them") {
    SUBCASE("NULL dereference") {
        Rig m(with_main({op(Op::Const, 0), op(Op::Load, 0, 0, 4, kSigned), op(Op::Return, 0, 0, 8, kHasValue)}));
        CHECK(m.run() == VmState::Faulted);
        CHECK(m.error_kind() == RuntimeErrorKind::NullDereference);
        CHECK(m.vm->error()->loc.line == 2);
        CHECK(*m.vm->error()->address == 0);
    }
    SUBCASE("writing to a string literal") {
        Program program = with_main({op(Op::StringAddr, 0, 0), op(Op::Const, 'J'), op(Op::Store, 0, 0, 1), op(Op::Return)});
        program.strings.push_back("hello");
        Rig m(std::move(program));
        CHECK(m.run() == VmState::Faulted);
        CHECK(m.error_kind() == RuntimeErrorKind::ReadOnlyWrite);
        std::uint8_t first = 0;
        REQUIRE_FALSE(m.memory->read(m.vm->image().string_address[0], {&first, 1}));
        CHECK(first == 'h');
    }
    SUBCASE("touching OS memory") {
        Rig m(with_main({op(Op::Const, static_cast<std::int64_t>(0xffff800000000000ULL)), op(Op::Load, 0, 0, 8),
                             op(Op::Return, 0, 0, 8, kHasValue)}));
        CHECK(m.run() == VmState::Faulted);
        CHECK(m.error_kind() == RuntimeErrorKind::Segfault);
        CHECK(m.vm->error()->explanation.find("OS reserved") != std::string::npos);
    }
    SUBCASE("use after free and heap overflow by one") {
        // p = malloc(4); free(p); *p  |  p = malloc(4); p[4] = 1
        Rig after(with_main({op(Op::Const, 4), op(Op::Builtin, 1, 0), op(Op::Dup), op(Op::Builtin, 1, 1),
                                 op(Op::Load, 0, 0, 4, kSigned), op(Op::Return, 0, 0, 8, kHasValue)}));
        CHECK(after.run() == VmState::Faulted);
        CHECK(after.error_kind() == RuntimeErrorKind::UseAfterFree);
        CHECK(after.vm->error()->loc.line == 5);

        Rig past(with_main({op(Op::Const, 4), op(Op::Builtin, 1, 0), op(Op::Const, 4), op(Op::Add, 0, 0, 8),
                                op(Op::Const, 1), op(Op::Store, 0, 0, 1), op(Op::Return)}));
        CHECK(past.run() == VmState::Faulted);
        CHECK(past.error_kind() == RuntimeErrorKind::HeapOverflow);
        CHECK(past.vm->error()->message.find("just past the end of the 4-byte block") != std::string::npos);
    }
}

TEST_CASE("a pointer into a returned frame is dangling") {
    Program program;
    // main: int *p = f(); return *p;    f: int x = 1; return &x;
    program.functions.push_back(function("main", {op(Op::Call, 0, 1), op(Op::Load, 0, 0, 4, kSigned),
                                                  op(Op::Return, 0, 0, 8, kHasValue)}));
    program.functions.push_back(function("f", {op(Op::FrameAddr, -4), op(Op::Const, 1), op(Op::Store, 0, 0, 4), op(Op::Drop),
                                               op(Op::FrameAddr, -4), op(Op::Return, 0, 0, 8, kHasValue)},
                                         16));
    Rig m(std::move(program));
    CHECK(m.run() == VmState::Faulted);
    CHECK(m.error_kind() == RuntimeErrorKind::DanglingStack);
}

TEST_CASE("overwriting the return address makes the return fail, not the host") {
    Program program;
    program.functions.push_back(function("main", {op(Op::Call, 0, 1), op(Op::Return, 0, 0, 8, kHasValue)}));
    // f: a "buffer overflow" writes 0x41414141 over its own return address at fp + 8.
    program.functions.push_back(function("f", {op(Op::FrameAddr, 8), op(Op::Const, 0x41414141), op(Op::Store, 0, 0, 8),
                                               op(Op::Drop), op(Op::Const, 0), op(Op::Return, 0, 0, 8, kHasValue)},
                                         16));
    Rig m(std::move(program));
    CHECK(m.run() == VmState::Faulted);
    CHECK(m.error_kind() == RuntimeErrorKind::BadReturn);
    CHECK(m.vm->error()->message == "f returned to 0x41414141, which is not code");
}

TEST_CASE("function pointers call through code addresses; anything else is a bad call") {
    Program program;
    program.functions.push_back(function("main", {op(Op::Const, 20), op(Op::FuncAddr, 0, 1), op(Op::CallIndirect, 1),
                                                  op(Op::Return, 0, 0, 8, kHasValue)}));
    program.functions.push_back(function("twice", {op(Op::FrameAddr, -4), op(Op::Load, 0, 0, 4, kSigned), op(Op::Const, 2),
                                                   i32(Op::Mul), op(Op::Return, 0, 0, 8, kHasValue)},
                                         16, {param("n", -4, 4)}));
    SUBCASE("through a function's address") {
        Rig m(program);
        CHECK(m.run() == VmState::Exited);
        CHECK(m.vm->exit_status() == 40);
    }
    SUBCASE("through data") {
        program.functions[0].code[1] = op(Op::Const, 0x1234);
        Rig m(program);
        CHECK(m.run() == VmState::Faulted);
        CHECK(m.error_kind() == RuntimeErrorKind::BadCall);
    }
}

TEST_CASE("argc and argv are laid out at the top of the stack") {
    Program program;
    // main(argc, argv): return argv[1][0] + argc;
    program.functions.push_back(function("main",
                                         {op(Op::FrameAddr, -16), op(Op::Load, 0, 0, 8), op(Op::Const, 8), op(Op::Add, 0, 0, 8),
                                          op(Op::Load, 0, 0, 8), op(Op::Load, 0, 0, 1, kSigned), op(Op::FrameAddr, -4),
                                          op(Op::Load, 0, 0, 4, kSigned), i32(Op::Add), op(Op::Return, 0, 0, 8, kHasValue)},
                                         16, {param("argc", -4, 4), param("argv", -16, 8)}));
    Rig m(std::move(program));
    CHECK(m.run({"prog", "A"}) == VmState::Exited);
    CHECK(m.vm->exit_status() == 'A' + 2);
}

TEST_CASE("ILP32 frames use 4-byte return addresses and frame pointers") {
    Program program;
    program.data_model = DataModel::ILP32;
    program.functions.push_back(function("main", {op(Op::Call, 0, 1), op(Op::Return, 0, 0, 8, kHasValue)}));
    program.functions.push_back(function("f", {op(Op::Const, 9), op(Op::Return, 0, 0, 8, kHasValue)}, 16));
    Rig m(std::move(program));
    m.vm->start({"prog"});
    const Addr main_fp = m.vm->registers().fp;
    m.vm->execute();
    CHECK(m.vm->registers().fp == main_fp - 8);
    CHECK(m.vm->registers().fp < 0xc0000000);
    while (m.vm->state() == VmState::Running) m.vm->execute();
    CHECK(m.vm->exit_status() == 9);
}
