// The seam between the VM and the C library: `Builtin` instructions call through this interface,
// so the VM core is tested with a small library of its own and the real one (stdio, stdlib,
// string.h, ...) lives in its own files.
//
// Calling back into C (qsort's and bsearch's comparators): a library function never runs C code
// itself. It asks the VM for a call (Vm::call_back) and returns; the VM calls the C function
// through its normal call mechanism, with the Builtin instruction's own address as the return
// address, and when that function returns there, hands its value to resume() together with the
// LibraryFrame the library left. resume() may call back again or finish. So there is no host
// recursion per comparison, and everything the library remembers between two comparisons is
// the plain-data LibraryFrame the VM keeps beside its registers (history records it like them).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "vm/runtime_error.h"

namespace memviz::vm {

class Vm;

// A library function's variables while it waits for a C function it called.
struct LibraryFrame {
    std::uint32_t id = 0;                   // the library function that is running
    std::array<std::uint64_t, 10> state{};  // its variables, laid out as that function decides
    bool operator==(const LibraryFrame&) const = default;
};

class Library {
public:
    virtual ~Library() = default;
    // The C name of function `id`, for messages ("printf").
    virtual std::string_view function_name(std::uint32_t /*id*/) const { return "a library function"; }
    // Runs library function `id` with `args` (the call's operand slots, first argument first).
    // Returns the value to push (nullopt for a void function, or when it called back into C),
    // or sets `error` and returns nullopt to stop the program.
    virtual std::optional<std::uint64_t> call(Vm& vm, std::uint32_t id, std::span<const std::uint64_t> args,
                                              std::optional<RuntimeError>& error) = 0;
    // Continues a library function whose call back into C returned `value` (the C function's
    // return slot). The same contract as call(). Only libraries that call back override it.
    virtual std::optional<std::uint64_t> resume(Vm& /*vm*/, const LibraryFrame& /*frame*/, std::uint64_t /*value*/,
                                                std::optional<RuntimeError>& /*error*/) {
        return std::nullopt;
    }
};

}  // namespace memviz::vm
