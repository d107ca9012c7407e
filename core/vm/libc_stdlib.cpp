// stdlib.h (qsort and bsearch are libc_sort.cpp) and assert's failure. malloc and friends go to
// the Allocator, whose refusals become DoubleFree and InvalidFree errors with its message;
// exit and abort stop the VM; rand is glibc's generator, bit for bit.
#include <limits>

#include "support/format.h"
#include "vm/libc_internal.h"

namespace memviz::vm {
namespace {

Value free_error(Call& call, const alloc::AllocError& problem) {
    const bool twice = problem.kind == alloc::ErrorKind::DoubleFree;
    std::string explanation =
        twice ? "Each block may be freed once. After free(p), p still holds the old address but the block is "
                "no longer yours; freeing it again corrupts the allocator's lists. Set p = NULL after free."
              : "free and realloc accept only NULL or a pointer malloc, calloc or realloc returned (the start of "
                "the block, not a pointer into it), and only while that block is allocated.";
    return call.fail(twice ? RuntimeErrorKind::DoubleFree : RuntimeErrorKind::InvalidFree,
                     std::string(call.function) + ": " + problem.message, std::move(explanation), problem.pointer);
}

Value allocated(Call& call, std::optional<Addr> payload, std::uint64_t requested) {
    if (payload) return *payload;
    if (requested > 0) call.set_errno(kEnomem);
    return 0;
}

// strtol: optional space and sign, base prefixes for 0 and 16, saturating at LONG_MIN/LONG_MAX
// of the data model with ERANGE; *end gets the first unused character (s itself if none).
Value strtol(Call& call, Addr s, Addr end, int base) {
    auto text = call.read_string(s);
    if (!text) return std::nullopt;
    if (base != 0 && (base < 2 || base > 36)) {
        call.set_errno(kEinval);
        if (end != 0 && !call.write_word(end, call.pointer_bytes, s)) return std::nullopt;
        return 0;
    }
    std::size_t at = 0;
    while (at < text->size() && is_space((*text)[at])) ++at;
    bool negative = false;
    if (at < text->size() && ((*text)[at] == '+' || (*text)[at] == '-')) negative = (*text)[at++] == '-';
    auto digit = [&](std::size_t i) {
        if (i >= text->size()) return 99;
        const char c = (*text)[i];
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'z') return c - 'a' + 10;
        if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
        return 99;
    };
    if ((base == 0 || base == 16) && digit(at) == 0 && at + 1 < text->size() &&
        ((*text)[at + 1] == 'x' || (*text)[at + 1] == 'X') && digit(at + 2) < 16) {
        at += 2;
        base = 16;
    } else if (base == 0) {
        base = digit(at) == 0 ? 8 : 10;
    }
    const unsigned bits = 8 * call.long_bytes - 1;
    const std::uint64_t magnitude_max = (std::uint64_t{1} << bits) - (negative ? 0 : 1);
    std::uint64_t value = 0;
    bool overflow = false;
    const std::size_t first_digit = at;
    while (digit(at) < base) {
        const auto d = static_cast<std::uint64_t>(digit(at++));
        if (value > (magnitude_max - d) / static_cast<std::uint64_t>(base)) overflow = true;
        else value = value * static_cast<std::uint64_t>(base) + d;
    }
    const Addr stop = at == first_digit ? s : s + at;
    if (end != 0 && !call.write_word(end, call.pointer_bytes, stop)) return std::nullopt;
    if (overflow) {
        call.set_errno(kErange);
        value = magnitude_max;
    }
    return call.long_slot(negative ? static_cast<std::int64_t>(0 - value) : static_cast<std::int64_t>(value));
}

// glibc's srandom_r: the table from a Lehmer generator (Schrage's method), then 310 outputs
// discarded.
std::uint32_t random_next(RandomState& random);

void random_seed(RandomState& random, std::uint32_t seed) {
    if (seed == 0) seed = 1;
    random.table[0] = static_cast<std::int32_t>(seed);
    std::int32_t word = random.table[0];
    for (std::size_t i = 1; i < random.table.size(); ++i) {
        const std::int32_t hi = word / 127773;
        const std::int32_t lo = word % 127773;
        word = 16807 * lo - 2836 * hi;
        if (word < 0) word += 2147483647;
        random.table[i] = word;
    }
    random.front = 3;
    random.rear = 0;
    random.seeded = true;
    for (int i = 0; i < 310; ++i) random_next(random);
}

// glibc's random_r for TYPE_3: add the rear word into the front one, return it without its low bit.
std::uint32_t random_next(RandomState& random) {
    if (!random.seeded) random_seed(random, 1);
    auto& front = random.table[random.front];
    const std::uint32_t value = static_cast<std::uint32_t>(front) + static_cast<std::uint32_t>(random.table[random.rear]);
    front = static_cast<std::int32_t>(value);
    random.front = (random.front + 1) % 31;
    random.rear = (random.rear + 1) % 31;
    return value >> 1;
}

Value stop(Call& call, int status) {
    call.vm.exit(status);
    return std::nullopt;
}

Value abort_program(Call& call, std::string message) {
    if (!call.library.write(Stream::Stderr, message + "Aborted (core dumped)\n", call.error)) return std::nullopt;
    return stop(call, kAbortStatus);
}

Value absolute(Call& call, std::int64_t value, unsigned bytes, const char* type) {
    const std::int64_t min = bytes >= 8 ? std::numeric_limits<std::int64_t>::min() : -(std::int64_t{1} << (8 * bytes - 1));
    if (value == min) {
        return call.fail(RuntimeErrorKind::SignedOverflow,
                         std::string(call.function) + "(" + std::to_string(value) + ") overflows " + type,
                         "The most negative value of a signed type has no positive counterpart: its absolute "
                         "value is one more than the largest value the type holds.");
    }
    return static_cast<std::uint64_t>(value < 0 ? -value : value);
}

}  // namespace

Value call_stdlib(Call& call, Fn fn) {
    alloc::Allocator& allocator = call.vm.allocator();
    switch (fn) {
        case Fn::Malloc: return allocated(call, allocator.malloc(call.size_arg(0), call.site()), call.size_arg(0));
        case Fn::Calloc: {
            const std::uint64_t count = call.size_arg(0);
            const std::uint64_t size = call.size_arg(1);
            return allocated(call, allocator.calloc(count, size, call.site()), count == 0 || size == 0 ? 0 : 1);
        }
        case Fn::Realloc: {
            auto result = allocator.realloc(call.pointer_arg(0), call.size_arg(1), call.site());
            if (result.error) return free_error(call, *result.error);
            // realloc(p, 0) frees p and returns NULL without ENOMEM.
            return allocated(call, result.payload, call.size_arg(1));
        }
        case Fn::Free:
            if (auto problem = allocator.free(call.pointer_arg(0), call.site())) return free_error(call, *problem);
            return std::nullopt;
        case Fn::Exit: return stop(call, call.int_arg(0));
        case Fn::Abort: return abort_program(call, "");
        case Fn::Atoi: {
            auto value = strtol(call, call.pointer_arg(0), 0, 10);  // glibc: (int) strtol(s, NULL, 10)
            return value ? std::optional(Call::int_slot(static_cast<std::int64_t>(*value))) : std::nullopt;
        }
        case Fn::Atol: return strtol(call, call.pointer_arg(0), 0, 10);
        case Fn::Strtol: return strtol(call, call.pointer_arg(0), call.pointer_arg(1), call.int_arg(2));
        case Fn::Abs: return absolute(call, call.int_arg(0), 4, "int");
        case Fn::Labs: return absolute(call, call.long_arg(0), call.long_bytes, "long");
        case Fn::Rand: return random_next(call.library.random());
        case Fn::Srand: random_seed(call.library.random(), static_cast<std::uint32_t>(call.slot(0))); return std::nullopt;
        case Fn::AssertFail: {
            // glibc: "prog: main.c:5: main: Assertion `x > 0' failed." -- without the program name.
            auto expression = call.read_string(call.pointer_arg(0));
            if (!expression) return std::nullopt;
            auto file = call.read_string(call.pointer_arg(1));
            if (!file) return std::nullopt;
            const std::string& function = call.vm.program().functions.at(call.vm.registers().function).name;
            return abort_program(call, *file + ":" + std::to_string(call.int_arg(2)) + ": " + function + ": Assertion `" +
                                           *expression + "' failed.\n");
        }
        default: return std::nullopt;
    }
}

}  // namespace memviz::vm
