// The C library (core/vm/libc*) on hand-assembled bytecode: output checked against what the
// host's snprintf prints for the same format, string functions and their memory errors at the
// call's line, the allocator's errors, input, exit paths, rand, and qsort/bsearch calling back
// into C through the VM.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "support/bit_cast.h"
#include "support/format.h"
#include "vm/libc.h"
#include "vm/machine.h"
#include "vm/vm.h"

using namespace memviz;
using namespace memviz::vm;

namespace {

Instr op(Op code, std::int64_t imm = 0, std::uint32_t a = 0, std::uint8_t width = 8, std::uint8_t flags = 0) {
    return Instr{code, width, flags, a, imm};
}

std::int64_t bits(double value) { return memviz::bit_cast<std::int64_t>(value); }

// A program under construction: main's code, its string literals, the library's globals first.
// Each instruction is its own line (pc + 1), so an error's line names the instruction.
struct Assembler {
    Program program;
    std::vector<Instr> code;
    std::uint64_t frame_size = 32;

    explicit Assembler(DataModel model = DataModel::LP64) {
        program.data_model = model;
        program.globals = library_globals(model);
    }
    Assembler& emit(Instr instr) {
        code.push_back(instr);
        return *this;
    }
    Assembler& constant(std::int64_t value) { return emit(op(Op::Const, value)); }
    Assembler& text(const std::string& s) {
        program.strings.push_back(s);
        return emit(op(Op::StringAddr, 0, static_cast<std::uint32_t>(program.strings.size() - 1)));
    }
    // Calls `name` with the `argc` slots on top; drops its result unless `keep`.
    Assembler& call(std::string_view name, std::int64_t argc, bool keep = false) {
        auto id = find_library_function(name);
        REQUIRE(id);
        emit(op(Op::Builtin, argc, *id));
        if (keep) return *this;
        return emit(op(Op::Drop));
    }
    std::uint32_t builtin_line() const { return static_cast<std::uint32_t>(code.size()); }  // of the last one emitted
    // local slot n (8 bytes each) of main's frame
    Assembler& local(std::int64_t n) { return emit(op(Op::FrameAddr, -8 * (n + 1))); }
    Assembler& store_local(std::int64_t n) {  // pops a value into local n
        local(n).emit(op(Op::Swap)).emit(op(Op::Store, 0, 0, 8)).emit(op(Op::Drop));
        return *this;
    }
    Assembler& load_local(std::int64_t n) { return local(n).emit(op(Op::Load, 0, 0, 8)); }
    Assembler& ret() { return constant(0).emit(op(Op::Return, 0, 0, 8, kHasValue)); }
    Assembler& ret_top() { return emit(op(Op::Return, 0, 0, 8, kHasValue)); }

    Program finish() {
        Function main;
        main.name = "main";
        main.code = code;
        main.frame_size = frame_size;
        for (std::uint32_t pc = 0; pc < main.code.size(); ++pc) main.lines.push_back({pc, {pc + 1, 1}, StepKind::Statement});
        program.functions.insert(program.functions.begin(), std::move(main));
        program.main = 0;
        return program;
    }
};

// A loaded test program with its own library, run to the end or step by step.
struct Rig {
    explicit Rig(Program p, LibraryConfig config = {}, LayoutConfig layout = {})
        : program(std::move(p)), library(std::move(config)) {
        auto loaded = vm::Machine::load(program, library, {.heap_limit = layout.heap_limit, .stack_limit = layout.stack_limit});
        REQUIRE(loaded.ok());
        machine = std::move(loaded.value());
        memory = &machine->memory();
        vm = &machine->vm();
        machine->run({"prog"}, 10'000'000);
    }
    std::string out() const { return std::string(library.stdout_text()); }
    std::string err() const { return std::string(library.stderr_text()); }
    RuntimeErrorKind error_kind() const {
        REQUIRE(vm->error());
        return vm->error()->kind;
    }
    std::uint64_t read(Addr address, unsigned bytes) const {
        std::uint64_t value = 0;
        REQUIRE_FALSE(memory->read_word(address, bytes, value));
        return value;
    }
    int errno_value() const { return static_cast<int>(read(vm->image().global_address[kErrnoGlobal], 4)); }

    Program program;
    CLibrary library;
    std::unique_ptr<vm::Machine> machine;
    AddressSpace* memory = nullptr;
    Vm* vm = nullptr;
};

// printf(format, slots...) as a whole program; its stdout.
std::string printed(const std::string& format, std::vector<std::int64_t> slots) {
    Assembler a;
    a.text(format);
    for (std::int64_t slot : slots) a.constant(slot);
    a.call("printf", static_cast<std::int64_t>(slots.size() + 1)).ret();
    Rig m(a.finish());
    REQUIRE(m.vm->state() == VmState::Exited);
    return m.out();
}

template <class... Args>
std::string host(const char* format, Args... args) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, format, args...);
    return buffer;
}

}  // namespace

TEST_CASE("libc: the function table maps names to builtin ids and back") {
    CHECK(find_library_function("printf") == 0u);
    CHECK(library_function_name(*find_library_function("qsort")) == "qsort");
    CHECK_FALSE(find_library_function("gets"));
    CHECK(library_function_name(100000) == "");
    for (std::uint32_t id = 0; id < library_functions().size(); ++id) {
        CHECK(find_library_function(library_function_name(id)) == id);
    }
}

TEST_CASE("libc printf formats as the host's snprintf does") {
    CHECK(printed("%d|%5d|%-5d|%05d|%+d|% d", {42, 42, 42, 42, 42, 42}) == host("%d|%5d|%-5d|%05d|%+d|% d", 42, 42, 42, 42, 42, 42));
    CHECK(printed("%d %i", {-7, -2147483648LL}) == "-7 -2147483648");
    CHECK(printed("%u %x %X %o %#x %#o", {-1, 255, 255, 8, 255, 8}) == host("%u %x %X %o %#x %#o", -1, 255, 255, 8, 255, 8));
    CHECK(printed("%ld %lld %lu %zu %jd", {-1, -1, -1, -1, -5}) == "-1 -1 18446744073709551615 18446744073709551615 -5");
    CHECK(printed("%hhd %hd %hhu %hx", {300, 70000, 300, -1}) == host("%hhd %hd %hhu %hx", 300, 70000, 300, -1));
    CHECK(printed("%.3d|%8.3d|%-8.3x|%.0d", {7, -7, 255, 0}) == host("%.3d|%8.3d|%-8.3x|%.0d", 7, -7, 255, 0));
    CHECK(printed("%*d|%-*d|%.*d|%*d", {6, 1, 6, 2, 4, 3, -6, 4}) == host("%*d|%-*d|%.*d|%*d", 6, 1, 6, 2, 4, 3, -6, 4));
    CHECK(printed("%c%c%5c|%-3c|", {'h', 'i', 'x', 'y'}) == "hi    x|y  |");
    CHECK(printed("100%% %d%%", {5}) == "100% 5%");

    const double values[] = {3.14159265358979, -0.0, 1e300, 2.5, 1.0 / 3, 123456789.0, 1e-10, 0.5};
    for (double v : values) {
        for (const char* format : {"%f", "%.2f", "%10.3f", "%-10.1f|", "%+.0f", "%e", "%.3E", "%g", "%G", "%#g", "%12.4g", "%F", "%010.2f"}) {
            CAPTURE(format);
            CAPTURE(v);
            CHECK(printed(format, {bits(v)}) == host(format, v));
        }
    }
    CHECK(printed("%f %f", {bits(1.0 / 0.0), bits(-1.0 / 0.0)}) == "inf -inf");
    CHECK(printed("%Lf", {bits(1.5)}) == "1.500000");
}

TEST_CASE("libc printf strings and pointers") {
    Assembler a;
    a.text("[%s] [%8s] [%-8s] [%.2s] [%p] [%10p] [%-10p|] [%p]\n");
    a.text("hello").text("abc").text("abc").text("hello");
    a.constant(0x4052a0).constant(0).constant(0).text("x");
    a.call("printf", 9).ret();
    Rig m(a.finish());
    const std::string literal = "0x" + [&] {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%llx", static_cast<unsigned long long>(m.vm->image().string_address[5]));
        return std::string(buffer);
    }();
    CHECK(m.out() == "[hello] [     abc] [abc     ] [he] [0x4052a0] [     (nil)] [(nil)     |] [" + literal + "]\n");
    CHECK(m.vm->exit_status() == 0);
}

TEST_CASE("libc printf errors: %s of NULL, too few arguments") {
    Assembler null;
    null.text("%s\n").constant(0).call("printf", 2).ret();
    Rig m(null.finish());
    CHECK(m.error_kind() == RuntimeErrorKind::NullDereference);
    CHECK(m.vm->error()->loc.line == 3);  // the Builtin
    CHECK(m.vm->error()->message.rfind("printf: read of", 0) == 0);

    Assembler few;
    few.text("%d %d\n").constant(1).call("printf", 2).ret();
    Rig f(few.finish());
    CHECK(f.error_kind() == RuntimeErrorKind::Library);
    CHECK(f.vm->error()->message.find("more conversions than there are arguments") != std::string::npos);
}

TEST_CASE("libc sprintf and snprintf write through memory") {
    Assembler a;
    a.constant(16).call("malloc", 1, true).store_local(0);
    a.load_local(0).constant(16).text("%d-%s").constant(123).text("abcdefghijklmnop").call("snprintf", 5, true).store_local(1);
    a.text("%s %d\n").load_local(0).load_local(1).call("printf", 3);
    a.load_local(0).text("<%5.1f>").constant(bits(2.25)).call("sprintf", 3);
    a.text("%s\n").load_local(0).call("printf", 2);
    a.load_local(0).text("%s!").text("0123456789abcdef").call("sprintf", 3);  // 18 bytes into 16
    const std::uint32_t overflow_line = a.builtin_line() - 1;
    a.ret();
    Rig m(a.finish());
    CHECK(m.out() == "123-abcdefghijk 20\n<  2.2>\n");
    CHECK(m.error_kind() == RuntimeErrorKind::HeapOverflow);
    CHECK(m.vm->error()->loc.line == overflow_line);
    CHECK(m.vm->error()->message.find("sprintf: write of 18 bytes") == 0);
}

TEST_CASE("libc fprintf, puts, putchar and fputs: stdout and stderr are the FILE globals") {
    Assembler a;
    a.emit(op(Op::GlobalAddr, 0, kStderrGlobal)).emit(op(Op::Load, 0, 0, 8)).text("err %d\n").constant(1).call("fprintf", 3);
    a.emit(op(Op::GlobalAddr, 0, kStdoutGlobal)).emit(op(Op::Load, 0, 0, 8)).text("out\n").call("fprintf", 2);
    a.text("line").call("puts", 1).constant('A').call("putchar", 1);
    a.text("!\n").emit(op(Op::GlobalAddr, 0, kStdoutGlobal)).emit(op(Op::Load, 0, 0, 8)).call("fputs", 2);
    a.emit(op(Op::GlobalAddr, 0, kStderrGlobal)).emit(op(Op::Load, 0, 0, 8)).text("%p").constant(0x10).call("fprintf", 3);
    a.emit(op(Op::GlobalAddr, 0, kErrnoGlobal)).text("x").call("fprintf", 2).ret();  // not a stream
    Rig m(a.finish());
    CHECK(m.out() == "out\nline\nA!\n");
    CHECK(m.err() == "err 1\n0x10");
    CHECK(m.error_kind() == RuntimeErrorKind::Library);
    CHECK(m.vm->error()->message == "fprintf: " + hex_address(m.vm->image().global_address[kErrnoGlobal]) + " is not an open stream");
    // The stream pointers point at the FILE objects in the data segment.
    CHECK(m.read(m.vm->image().global_address[kStdoutGlobal], 8) == m.vm->image().global_address[kFileGlobals + 1]);
}

TEST_CASE("libc input: getchar, fgets and scanf read the stdin text") {
    Assembler a;
    a.frame_size = 128;
    a.call("getchar", 0, true).store_local(0);
    a.local(10).constant(16).emit(op(Op::GlobalAddr, 0, kStdinGlobal)).emit(op(Op::Load, 0, 0, 8)).call("fgets", 3);
    // scanf("%d %lf %s %3x%c", &i, &d, s, &x, &c) -> n
    a.text("%d %lf %s %3x%c").local(1).local(2).local(8).local(3).local(4).call("scanf", 6, true).store_local(5);
    a.text("%c|%s|%d %d %g %s %x %c|").load_local(0).local(10).load_local(5);
    a.local(1).emit(op(Op::Load, 0, 0, 4, kSigned)).load_local(2).local(8).local(3).emit(op(Op::Load, 0, 0, 4));
    a.local(4).emit(op(Op::Load, 0, 0, 1)).call("printf", 9);
    // then: a matching failure leaves the input, and the end of input gives EOF
    a.text("%d").local(1).call("scanf", 2, true).store_local(5);
    a.text("%s").local(8).call("scanf", 2, true).store_local(6);
    a.text("%d").local(1).call("scanf", 2, true).store_local(7);
    a.text("%d %s %d").load_local(5).local(8).load_local(7).call("printf", 4).ret();
    Rig m(a.finish(), {.stdin_text = "Xab cdefghij\n -42 2.5e1 word 1ff!  zz"});
    CHECK(m.vm->state() == VmState::Exited);
    CHECK(m.out() == "X|ab cdefghij\n|5 -42 25 word 1ff !|0 zz -1");
}

TEST_CASE("libc string functions") {
    Assembler a;
    a.constant(32).call("malloc", 1, true).store_local(0);
    a.load_local(0).text("memory").call("strcpy", 2);
    a.load_local(0).text(" viz").call("strcat", 2);
    a.load_local(0).text("!?").constant(1).call("strncat", 3);
    a.text("%s %d|").load_local(0).load_local(0).call("strlen", 1, true).call("printf", 3);
    a.text("%d %d %d %d|").text("abc").text("abd").call("strcmp", 2, true).text("b").text("a").call("strcmp", 2, true);
    a.text("abc").text("abd").constant(2).call("strncmp", 3, true).text("ab").text("ab").call("strcmp", 2, true).call("printf", 5);
    a.text("%s %s %s %d|").load_local(0).constant('o').call("strchr", 2, true).load_local(0).constant('m').call("strrchr", 2, true);
    a.load_local(0).text("viz").call("strstr", 2, true).load_local(0).text("zz").call("strstr", 2, true).call("printf", 5);
    a.load_local(0).call("strdup", 1, true).store_local(1);
    a.load_local(1).constant('-').constant(3).call("memset", 3);
    a.load_local(0).constant(2).emit(op(Op::Add)).load_local(0).constant(8).call("memmove", 3);
    a.text("%s %s %d|").load_local(0).load_local(1).load_local(0).load_local(1).constant(2).call("memcmp", 3, true).call("printf", 4);
    a.frame_size = 64;
    a.local(6).text("abcdef").constant(3).call("strncpy", 3);
    a.local(4).constant(0).constant(8).call("memset", 3);
    a.local(4).text("ab").constant(5).call("strncpy", 3);
    a.text("%.3s %d %d").local(6).local(4).emit(op(Op::Load, 0, 0, 1)).local(4).constant(4).emit(op(Op::Add)).emit(op(Op::Load, 0, 0, 1));
    a.call("printf", 4).ret();
    Rig m(a.finish());
    CHECK(m.vm->state() == VmState::Exited);
    CHECK(m.out() == "memory viz! 11|-1 1 0 0|ory viz! mory viz! viz! 0|mememory v! ---ory viz! 64|abc 97 0");
}

TEST_CASE("libc string errors: use after free, heap overflow, overlapping copy") {
    SUBCASE("strlen of a freed block") {
        Assembler a;
        a.constant(8).call("malloc", 1, true).store_local(0).load_local(0).text("hi").call("strcpy", 2);
        a.load_local(0).call("free", 1).load_local(0).call("strlen", 1);
        const std::uint32_t line = a.builtin_line() - 1;
        a.ret();
        Rig m(a.finish());
        CHECK(m.error_kind() == RuntimeErrorKind::UseAfterFree);
        CHECK(m.vm->error()->loc.line == line);
        CHECK(m.vm->error()->message.rfind("strlen: read of", 0) == 0);
    }
    SUBCASE("strcpy past the end of a heap block") {
        Assembler a;
        a.constant(5).call("malloc", 1, true).store_local(0).load_local(0).text("hello").call("strcpy", 2).ret();
        Rig m(a.finish());
        CHECK(m.error_kind() == RuntimeErrorKind::HeapOverflow);
        CHECK(m.vm->error()->message.find("just past the end of the 5-byte block") != std::string::npos);
    }
    SUBCASE("memcpy and strcpy with overlapping ranges; memmove is fine") {
        Assembler a;
        a.constant(16).call("malloc", 1, true).store_local(0).load_local(0).text("abcdefgh").call("strcpy", 2);
        a.load_local(0).constant(1).emit(op(Op::Add)).load_local(0).constant(4).call("memmove", 3);
        a.load_local(0).constant(2).emit(op(Op::Add)).load_local(0).constant(4).call("memcpy", 3).ret();
        Rig m(a.finish());
        CHECK(m.error_kind() == RuntimeErrorKind::OverlappingCopy);
        CHECK(m.vm->error()->message.find("overlap by 2 bytes") != std::string::npos);
        CHECK(m.vm->error()->explanation.find("memmove") != std::string::npos);
        CHECK(name(RuntimeErrorKind::OverlappingCopy) == "overlapping copy");
    }
    SUBCASE("strcat onto itself") {
        Assembler a;
        a.constant(32).call("malloc", 1, true).store_local(0).load_local(0).text("ab").call("strcpy", 2);
        a.load_local(0).load_local(0).call("strcat", 2).ret();
        Rig m(a.finish());
        CHECK(m.error_kind() == RuntimeErrorKind::OverlappingCopy);
    }
}

TEST_CASE("libc malloc and free: errors, calloc, realloc, ENOMEM") {
    SUBCASE("double free") {
        Assembler a;
        a.constant(8).call("malloc", 1, true).store_local(0).load_local(0).call("free", 1).load_local(0).call("free", 1).ret();
        Rig m(a.finish());
        CHECK(m.error_kind() == RuntimeErrorKind::DoubleFree);
        CHECK(m.vm->error()->message.rfind("free: ", 0) == 0);
    }
    SUBCASE("free of a pointer into a block") {
        Assembler a;
        a.constant(8).call("malloc", 1, true).constant(1).emit(op(Op::Add)).call("free", 1).ret();
        Rig m(a.finish());
        CHECK(m.error_kind() == RuntimeErrorKind::InvalidFree);
    }
    SUBCASE("calloc zeroes, realloc keeps the bytes") {
        Assembler a;
        a.constant(4).constant(4).call("calloc", 2, true).store_local(0);
        a.load_local(0).constant(1).emit(op(Op::Add)).text("xy").call("strcpy", 2);
        a.load_local(0).constant(100).call("realloc", 2, true).store_local(0);
        a.text("%d %s").load_local(0).emit(op(Op::Load, 0, 0, 1)).load_local(0).constant(1).emit(op(Op::Add)).call("printf", 3);
        a.load_local(0).call("free", 1).constant(0).call("free", 1).ret();
        Rig m(a.finish());
        CHECK(m.vm->state() == VmState::Exited);
        CHECK(m.out() == "0 xy");
    }
    SUBCASE("malloc beyond a small heap returns NULL and sets errno to ENOMEM") {
        Assembler a;
        a.constant(1 << 20).call("malloc", 1, true).ret_top();
        Rig m(a.finish(), {}, {.heap_limit = 64 * 1024});
        CHECK(m.vm->state() == VmState::Exited);
        CHECK(m.vm->exit_status() == 0);
        CHECK(m.errno_value() == kEnomem);
    }
}

TEST_CASE("libc exit, abort and assert") {
    Assembler exit;
    exit.text("bye\n").call("printf", 1).constant(3).call("exit", 1, true).text("never").call("puts", 1).ret();
    Rig e(exit.finish());
    CHECK(e.vm->state() == VmState::Exited);
    CHECK(e.vm->exit_status() == 3);
    CHECK(e.out() == "bye\n");

    Assembler abort;
    abort.call("abort", 0, true).ret();
    Rig a(abort.finish());
    CHECK(a.vm->exit_status() == kAbortStatus);
    CHECK(a.err() == "Aborted (core dumped)\n");

    Assembler failed;
    failed.text("x > 0").text("main.c").constant(12).call("__memviz_assert_fail", 3, true).ret();
    Rig f(failed.finish());
    CHECK(f.vm->state() == VmState::Exited);
    CHECK(f.vm->exit_status() == 134);
    CHECK(f.err() == "main.c:12: main: Assertion `x > 0' failed.\nAborted (core dumped)\n");
}

TEST_CASE("libc output limit stops a runaway program") {
    // for (;;) puts("spam");
    Assembler a;
    a.text("spam").call("puts", 1).emit(op(Op::Jump, 0, 0));
    Rig m(a.finish(), {.output_limit = 1000});
    CHECK(m.error_kind() == RuntimeErrorKind::OutputLimit);
    CHECK(m.out().size() == 1000);
    CHECK(m.vm->error()->message == "the program printed more than 1000 bytes to stdout");
}

TEST_CASE("libc conversions, ctype, math, rand") {
    Assembler a;
    a.text("%ld %d %ld %d %ld %d|").text("  -0x1fz").local(0).constant(0).call("strtol", 3, true);
    a.load_local(0).emit(op(Op::Load, 0, 0, 1)).text("777").constant(0).constant(8).call("strtol", 3, true);
    a.text(" 42abc").call("atoi", 1, true).text("99999999999999999999").constant(0).constant(10).call("strtol", 3, true);
    a.emit(op(Op::GlobalAddr, 0, kErrnoGlobal)).emit(op(Op::Load, 0, 0, 4, kSigned)).call("printf", 7);
    a.text("%d %d %d %d %d %c%c %d|").constant('a').call("isalpha", 1, true).constant('7').call("isdigit", 1, true);
    a.constant(' ').call("isspace", 1, true).constant('!').call("ispunct", 1, true).constant(-1).call("isalnum", 1, true);
    a.constant('q').call("toupper", 1, true).constant('Q').call("tolower", 1, true).constant(-5).call("abs", 1, true).call("printf", 9);
    a.text("%.4f %g %g %g %g %g|").constant(bits(2.0)).call("sqrt", 1, true).constant(bits(2.0)).constant(bits(10.0)).call("pow", 2, true);
    a.constant(bits(-2.5)).call("floor", 1, true).constant(bits(-2.5)).call("ceil", 1, true).constant(bits(-3.0)).call("fabs", 1, true);
    a.constant(bits(7.5)).constant(bits(2.0)).call("fmod", 2, true).call("printf", 7);
    a.text("%d %d ").call("rand", 0, true).call("rand", 0, true).call("printf", 3);
    a.constant(42).call("srand", 1, true).text("%d").call("rand", 0, true).call("printf", 2);
    a.constant(bits(-1.0)).call("sqrt", 1).emit(op(Op::GlobalAddr, 0, kErrnoGlobal)).emit(op(Op::Load, 0, 0, 4, kSigned)).ret_top();
    Rig m(a.finish());
    CHECK_MESSAGE(m.vm->state() == VmState::Exited, (m.vm->error() ? m.vm->error()->message : ""));
    CHECK(m.out() == "-31 122 511 42 9223372036854775807 34|1024 2048 8192 4 0 Qq 5|1.4142 1024 -3 -2 3 1.5|1804289383 846930886 71876166");
    CHECK(m.vm->exit_status() == kEdom);
}

TEST_CASE("libc qsort and bsearch call the program's comparison function through the VM") {
    // int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
    Function cmp;
    cmp.name = "cmp";
    cmp.frame_size = 16;
    for (std::int64_t offset : {-8, -16}) {
        FrameSlot slot;
        slot.name = offset == -8 ? "a" : "b";
        slot.offset = offset;
        slot.size = 8;
        slot.is_parameter = true;
        cmp.slots.push_back(slot);
    }
    cmp.code = {op(Op::FrameAddr, -8), op(Op::Load, 0, 0, 8), op(Op::Load, 0, 0, 4, kSigned), op(Op::FrameAddr, -16),
                op(Op::Load, 0, 0, 8), op(Op::Load, 0, 0, 4, kSigned), op(Op::Sub, 0, 0, 4, kSigned),
                op(Op::Return, 0, 0, 8, kHasValue)};
    cmp.lines.push_back({0, {100, 1}, StepKind::Statement});

    // A global int array of n elements after the library's globals, and a key.
    const std::uint32_t n = 57;
    std::vector<std::int32_t> values;
    std::uint32_t state = 12345;
    for (std::uint32_t i = 0; i < n; ++i) values.push_back(static_cast<std::int32_t>((state = state * 1103515245 + 12345) % 1000) - 500);
    Global array;
    array.name = "array";
    array.offset = kLibraryDataBytes;
    array.size = 4 * n;
    for (std::int32_t v : values) {
        for (int byte = 0; byte < 4; ++byte) array.initial.push_back(static_cast<std::uint8_t>(static_cast<std::uint32_t>(v) >> (8 * byte)));
    }
    Global key;
    key.name = "key";
    key.offset = kLibraryDataBytes + array.size;
    key.size = 4;
    std::vector<std::int32_t> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const std::int32_t wanted = sorted[40];
    for (int byte = 0; byte < 4; ++byte) key.initial.push_back(static_cast<std::uint8_t>(static_cast<std::uint32_t>(wanted) >> (8 * byte)));

    Assembler a;
    a.program.globals.push_back(array);
    a.program.globals.push_back(key);
    a.program.functions.push_back(cmp);  // index 1 once main is inserted
    a.emit(op(Op::GlobalAddr, 0, kLibraryGlobalCount)).constant(n).constant(4).emit(op(Op::FuncAddr, 0, 1)).call("qsort", 4, true);
    SUBCASE("sort, then find") {
        a.emit(op(Op::GlobalAddr, 0, kLibraryGlobalCount + 1)).emit(op(Op::GlobalAddr, 0, kLibraryGlobalCount)).constant(n).constant(4);
        a.emit(op(Op::FuncAddr, 0, 1)).call("bsearch", 5, true).ret_top();
        Rig m(a.finish());
        REQUIRE(m.vm->state() == VmState::Exited);
        const Addr base = m.vm->image().global_address[kLibraryGlobalCount];
        for (std::uint32_t i = 0; i < n; ++i) CHECK(static_cast<std::int32_t>(m.read(base + 4 * i, 4)) == sorted[i]);
        const Addr found = static_cast<std::uint32_t>(m.vm->exit_status());
        CHECK((found - base) % 4 == 0);
        CHECK(static_cast<std::int32_t>(m.read(found, 4)) == wanted);
        CHECK(m.vm->pending_callbacks().empty());
    }
    SUBCASE("a comparison function that is not one is a bad call") {
        a.code.back() = op(Op::Builtin, 4, *find_library_function("qsort"));
        a.code[a.code.size() - 2] = op(Op::Const, 0x1234);
        a.ret();
        Rig m(a.finish());
        CHECK(m.error_kind() == RuntimeErrorKind::BadCall);
    }
}

#ifdef __GLIBC__
TEST_CASE("libc rand is glibc's, seed for seed") {
    for (unsigned seed : {0u, 1u, 7u, 12345u, 4294967295u}) {
        Assembler a;
        a.constant(static_cast<std::int64_t>(seed)).call("srand", 1, true);
        for (int i = 0; i < 5; ++i) a.text("%d ").call("rand", 0, true).call("printf", 2);
        a.ret();
        Rig m(a.finish());
        std::srand(seed);
        std::string expected;
        for (int i = 0; i < 5; ++i) expected += std::to_string(std::rand()) + " ";
        CHECK(m.out() == expected);
    }
}
#endif

TEST_CASE("libc state: restoring an earlier state truncates output and un-reads input") {
    Assembler a;
    a.call("getchar", 0, true).call("putchar", 1).call("rand", 0).ret();
    Rig m(a.finish(), {.stdin_text = "ab"});
    const CLibrary::State after = m.library.state();
    CHECK(after.stdout_bytes == 1);
    CHECK(after.stdin_position == 1);
    CHECK(after.random.seeded);
    m.library.restore(CLibrary::State{});
    CHECK(m.out().empty());
    CHECK(m.library.unread_input() == "ab");
    CHECK_FALSE(m.library.state().random.seeded);
}

TEST_CASE("libc under ILP32: long and pointers are 4 bytes") {
    Assembler a(DataModel::ILP32);
    a.text("%ld %lu %zu %p|").constant(-1).constant(-1).constant(-1).emit(op(Op::GlobalAddr, 0, kStdoutGlobal)).call("printf", 5);
    a.emit(op(Op::GlobalAddr, 0, kStderrGlobal)).emit(op(Op::Load, 0, 0, 4)).text("e").call("fprintf", 2);
    a.text("%ld").text("99999999999").constant(0).constant(10).call("strtol", 3, true).call("printf", 2).ret();
    Rig m(a.finish());
    CHECK(m.vm->state() == VmState::Exited);
    CHECK(m.out() == "-1 4294967295 4294967295 " + hex_address(m.vm->image().global_address[kStdoutGlobal]) + "|2147483647");
    CHECK(m.err() == "e");
    CHECK(m.errno_value() == kErange);
}
