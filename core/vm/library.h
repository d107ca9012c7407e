// The seam between the VM and the C library: `Builtin` instructions call through this interface,
// so the VM core is tested with a small library of its own and the real one (stdio, stdlib,
// string.h, ...) lives in its own files.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "vm/runtime_error.h"

namespace memviz::vm {

class Vm;

class Library {
public:
    virtual ~Library() = default;
    // Runs library function `id` with `args` (the call's operand slots, first argument first).
    // Returns the value to push (nullopt for a void function), or sets `error` and returns
    // nullopt to stop the program.
    virtual std::optional<std::uint64_t> call(Vm& vm, std::uint32_t id, std::span<const std::uint64_t> args,
                                              std::optional<RuntimeError>& error) = 0;
};

}  // namespace memviz::vm
