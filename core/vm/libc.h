// The C library memviz programs call: stdio, stdlib, string.h, ctype.h, math.h, errno and
// assert, implemented in C++ over simulated memory. Every byte a function reads or writes on the
// program's behalf is first checked with Vm::check_access and then goes through the
// AddressSpace, so strlen on a freed block is a use after free at the call's line, exactly as if
// the program had read the bytes itself.
//
// The compiler maps a call to a library function to `Builtin a=id imm=argc`, id from
// find_library_function(). Arguments arrive as the usual 64-bit slots: integers sign- or
// zero-extended from their C type, pointers as addresses, doubles as their bits; variadic
// arguments after default promotions (char/short -> int, float -> double).
//
// The library's own variables (errno, stdin, stdout, stderr and the three FILE objects they
// point to) are real globals at the start of the data segment: the compiler puts
// library_globals() first in Program::globals, and `extern int errno;` and friends name them.
//
// What the library keeps on the C++ side, besides memory: the output text of stdout and stderr,
// the input not yet read, and rand()'s state (State below, which history records).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vm/bytecode.h"
#include "vm/library.h"

namespace memviz::vm {

// --- the function table ------------------------------------------------------------------------
struct LibraryFunctionInfo {
    std::string_view name;
    std::uint8_t params = 0;  // fixed parameters; a call passes at least these
    bool variadic = false;    // printf-like: more slots may follow
};
// Every function, in id order: a function's id is its index.
std::span<const LibraryFunctionInfo> library_functions();
std::optional<std::uint32_t> find_library_function(std::string_view name);
// "" for an unknown id.
std::string_view library_function_name(std::uint32_t id);

// --- the library's globals ---------------------------------------------------------------------
//   data offset  0  int errno                 (index kErrnoGlobal)
//                8  FILE *stdin   -> offset 32 (pointer-sized; 4 bytes under ILP32)
//               16  FILE *stdout  -> offset 40
//               24  FILE *stderr  -> offset 48
//               32  struct _memviz_FILE { int fd; } __memviz_stdin_file, then _stdout_, _stderr_
// The compiler's own globals start at kLibraryDataBytes.
inline constexpr std::uint32_t kErrnoGlobal = 0;
inline constexpr std::uint32_t kStdinGlobal = 1;
inline constexpr std::uint32_t kStdoutGlobal = 2;
inline constexpr std::uint32_t kStderrGlobal = 3;
inline constexpr std::uint32_t kFileGlobals = 4;  // stdin's FILE; stdout's and stderr's follow
inline constexpr std::uint32_t kLibraryGlobalCount = 7;
inline constexpr std::uint64_t kLibraryDataBytes = 64;
std::vector<Global> library_globals(DataModel model);

// Linux's values.
inline constexpr int kEnomem = 12;
inline constexpr int kEinval = 22;
inline constexpr int kEdom = 33;
inline constexpr int kErange = 34;
inline constexpr int kAbortStatus = 134;  // 128 + SIGABRT, what the shell reports

// --- the library -------------------------------------------------------------------------------
struct LibraryConfig {
    std::string stdin_text;                    // everything the program will read
    std::uint64_t output_limit = 1ULL << 20;   // bytes per stream before the program is stopped
};

enum class Stream : std::uint8_t { Stdout, Stderr };

// glibc's rand(): the TYPE_3 additive feedback generator, r[i] = r[i-3] + r[i-31].
struct RandomState {
    std::array<std::int32_t, 31> table{};
    std::uint32_t front = 3;  // glibc's fptr, as an index into table
    std::uint32_t rear = 0;   // glibc's rptr
    bool seeded = false;      // rand() before any srand() behaves as srand(1)
    bool operator==(const RandomState&) const = default;
};

class CLibrary final : public Library {
public:
    explicit CLibrary(LibraryConfig config = {});

    std::string_view function_name(std::uint32_t id) const override { return library_function_name(id); }
    std::optional<std::uint64_t> call(Vm& vm, std::uint32_t id, std::span<const std::uint64_t> args,
                                      std::optional<RuntimeError>& error) override;
    std::optional<std::uint64_t> resume(Vm& vm, const LibraryFrame& frame, std::uint64_t value,
                                        std::optional<RuntimeError>& error) override;

    std::string_view stdout_text() const { return m_stdout; }
    std::string_view stderr_text() const { return m_stderr; }
    // Host bytes of the input and the output so far (each output stream bounded by the limit).
    std::uint64_t host_bytes() const { return m_stdin.capacity() + m_stdout.capacity() + m_stderr.capacity(); }

    // Everything the library keeps outside simulated memory, for the history layer: restoring
    // an earlier state truncates the output back and un-reads the input.
    struct State {
        std::size_t stdout_bytes = 0;
        std::size_t stderr_bytes = 0;
        std::size_t stdin_position = 0;
        RandomState random;
        bool operator==(const State&) const = default;
    };
    State state() const { return {m_stdout.size(), m_stderr.size(), m_stdin_position, m_random}; }
    // Precondition: `earlier` was taken from this library before the output it truncates.
    void restore(const State& earlier);
    // The same for any moment of the run: the output becomes the first bytes of the output of
    // a run of the same program that got at least as far (the history keeps the furthest).
    void restore(const State& state, std::string_view later_stdout, std::string_view later_stderr);

    // --- for the library's own files ---
    // Appends to a stream; past the output limit, stops the program with an OutputLimit error.
    bool write(Stream stream, std::string_view text, std::optional<RuntimeError>& error);
    std::string_view unread_input() const { return std::string_view(m_stdin).substr(m_stdin_position); }
    void consume_input(std::size_t bytes) { m_stdin_position = std::min(m_stdin.size(), m_stdin_position + bytes); }
    RandomState& random() { return m_random; }

private:
    std::uint64_t m_output_limit;
    std::string m_stdin;
    std::size_t m_stdin_position = 0;
    std::string m_stdout;
    std::string m_stderr;
    RandomState m_random;
};

}  // namespace memviz::vm
