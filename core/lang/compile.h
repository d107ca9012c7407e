// The bytecode compiler: turns the typed AST (ast.h) into the VM's program (vm/bytecode.h) —
// frame layouts, globals with their initial bytes, string literals, and per function its
// instructions and line table. It makes no decisions about C's meaning: the parser already made
// every conversion explicit; this only decides how each node becomes instructions.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "lang/ast.h"
#include "support/diagnostics.h"
#include "vm/bytecode.h"

namespace memviz::lang {

// Maps a library function's name (printf, malloc, ...) to its builtin id, or nothing when the
// C library does not provide it.
using LibraryLookup = std::function<std::optional<std::uint32_t>(std::string_view name)>;

// Global data is backed byte for byte on the host (and shadowed), so it has a limit as the heap
// and the stack do: a program whose globals take more is refused at the largest one.
inline constexpr std::uint64_t kMaxGlobalDataBytes = 64ULL << 20;

// The globals of vm::library_globals() come first in the program, so the library finds errno and
// the standard streams where it expects them.
// Reports what cannot be compiled (a call to a function that is declared but neither defined nor
// provided by the library, a missing main, a construct the VM cannot run yet) as errors.
vm::Program compile(const Program& program, DataModel data_model, const LibraryLookup& library,
                    Diagnostics& diagnostics);

}  // namespace memviz::lang
