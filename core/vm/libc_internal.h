// Shared by the library's files (libc*.cpp) only: function ids by name, and Call, the one thing
// each function gets -- its arguments read as C types, and checked access to simulated memory
// that records the first error (with the function's name in front) and returns failure.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vm/libc.h"
#include "vm/vm.h"

namespace memviz::vm {

// C's isspace in the "C" locale: what scanf and strtol skip.
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// In the order of library_functions() (libc.cpp), which checks it.
enum class Fn : std::uint32_t {
    // stdio
    Printf, Fprintf, Sprintf, Snprintf, Puts, Putchar, Fputs, Getchar, Fgets, Scanf,
    // stdlib
    Malloc, Calloc, Realloc, Free, Exit, Abort, Atoi, Atol, Strtol, Abs, Labs, Rand, Srand, Qsort, Bsearch,
    // string.h
    Strlen, Strcpy, Strncpy, Strcat, Strncat, Strcmp, Strncmp, Strchr, Strrchr, Strstr, Strdup,
    Memcpy, Memmove, Memset, Memcmp,
    // ctype.h
    Isalpha, Isdigit, Isalnum, Isspace, Isupper, Islower, Isxdigit, Ispunct, Isprint, Toupper, Tolower,
    // math.h
    Sqrt, Pow, Fabs, Floor, Ceil, Fmod,
    // assert.h
    AssertFail,
    Count
};

using Value = std::optional<std::uint64_t>;

struct Call {
    Vm& vm;
    CLibrary& library;
    std::span<const std::uint64_t> args;
    std::optional<RuntimeError>& error;
    std::string_view function;  // its C name, for messages
    unsigned pointer_bytes;     // 8 under LP64, 4 under ILP32
    unsigned long_bytes;

    // --- arguments, as the C parameter types read them ---
    std::uint64_t slot(std::size_t index) const { return index < args.size() ? args[index] : 0; }
    std::int32_t int_arg(std::size_t index) const { return static_cast<std::int32_t>(slot(index)); }
    std::int64_t long_arg(std::size_t index) const { return sign_extend(slot(index), long_bytes); }
    Addr pointer_arg(std::size_t index) const { return truncate(slot(index), pointer_bytes); }
    std::uint64_t size_arg(std::size_t index) const { return truncate(slot(index), pointer_bytes); }
    double double_arg(std::size_t index) const;

    static std::uint64_t truncate(std::uint64_t value, unsigned bytes) {
        return bytes >= 8 ? value : value & ((std::uint64_t{1} << (8 * bytes)) - 1);
    }
    static std::int64_t sign_extend(std::uint64_t value, unsigned bytes) {
        if (bytes >= 8) return static_cast<std::int64_t>(value);
        const unsigned shift = 64 - 8 * bytes;
        return static_cast<std::int64_t>(value << shift) >> shift;
    }
    // A C long's value as its slot (sign-extended), under this data model.
    std::uint64_t long_slot(std::int64_t value) const {
        return static_cast<std::uint64_t>(sign_extend(static_cast<std::uint64_t>(value), long_bytes));
    }
    static std::uint64_t int_slot(std::int64_t value) {
        return static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(value)));
    }
    static std::uint64_t double_slot(double value);

    // --- checked memory: false or nullopt after recording the error ---
    // Under --keep-going an error the VM continues past (an overflow, a read of a freed block)
    // is reported once per call and the access goes ahead, as the real function would do it.
    bool check(Addr address, std::uint64_t bytes, Access access);
    // The bytes of the string at `address` without its terminating zero; with `limit`, at most
    // that many bytes and no terminator needed (strncmp, %.3s).
    std::optional<std::string> read_string(Addr address, std::optional<std::uint64_t> limit = std::nullopt);
    // The length of the string at `address`, checked as read_string checks it, without copying it
    // (strlen: in a loop's condition it is called again and again).
    std::optional<std::uint64_t> string_length(Addr address);
    // Reads the string at `address` as read_string does, giving `take` its bytes chunk by chunk;
    // its length, or nullopt after recording an error.
    std::optional<std::uint64_t> walk_string(Addr address, std::optional<std::uint64_t> limit,
                                             const std::function<void(std::span<const std::uint8_t>)>& take);
    std::optional<std::vector<std::uint8_t>> read_bytes(Addr address, std::uint64_t bytes);
    bool write_bytes(Addr address, std::span<const std::uint8_t> bytes);
    bool write_string(Addr address, std::string_view text);  // plus its terminating zero
    bool write_word(Addr address, unsigned bytes, std::uint64_t value);

    // --- outcomes ---
    Value fail(RuntimeErrorKind kind, std::string message, std::string explanation,
               std::optional<Addr> address = std::nullopt);
    // Sets errno, when the program has the library's globals.
    void set_errno(int value);
    // The stream a FILE * names; records an error for anything but stdin/stdout/stderr.
    std::optional<int> stream_fd(Addr file);
    // Whether the call may go on after `problem` (nothing, or an error reported and survived).
    bool accept(std::optional<RuntimeError> problem);
    bool reported = false;

    // The allocation site the allocator records: the call's line.
    alloc::Site site() const { return vm.executing_location().line; }
};

Value call_stdio(Call& call, Fn fn);
Value call_scanf(Call& call);
Value call_stdlib(Call& call, Fn fn);
Value call_string(Call& call, Fn fn);
Value call_ctype_math(Call& call, Fn fn);

// printf's engine: the text `format` (in simulated memory) produces with the slots from
// args[first] on, or nullopt after recording an error.
std::optional<std::string> format_text(Call& call, Addr format, std::size_t first);

// qsort and bsearch, which call back into C (library.h): start, and continue after a comparison.
Value start_sort(Call& call, Fn fn);
Value resume_sort(Call& call, const LibraryFrame& frame, std::int32_t comparison);

}  // namespace memviz::vm
