// How a run's end reads, shared by `memviz run` and `memviz debug` so a student sees the same
// words in both: a runtime error as a compiler-style diagnostic, and a leak as Valgrind names it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "vm/leaks.h"
#include "vm/runtime_error.h"

namespace memviz::shell {

// "FILE:LINE:COL: runtime error: KIND: MESSAGE", the source line with a caret, then the
// plain-language explanation and where the docs explain the mistake (concept_line), indented.
std::string render_runtime_error(const vm::RuntimeError& error, const std::string& file, std::string_view source);

// "  See docs/errors.md#ANCHOR": the section of the docs on a mistake (vm::concept_anchor).
std::string concept_line(std::string_view anchor);

// "N bytes in the block at 0x... were never freed": the shared middle of a leak report.
std::string leak_summary(std::uint64_t bytes, std::uint64_t payload);
// Why it counts: definitely lost, or still reachable from a global.
std::string_view leak_reason(bool reachable);

// "FILE:LINE: leak: ... (allocated on this line; definitely lost: ...)"; after the last one,
// concept_line(vm::kLeakConcept).
std::string render_leak(const std::string& file, std::uint32_t line, std::uint64_t bytes, std::uint64_t payload,
                        bool reachable);

// A loop that loses a block each time would print thousands of lines: more than this many leaks
// in a row from one line, equally lost, are one line of the report (render_leak_group).
inline constexpr std::size_t kLeaksShownOneByOne = 5;
// How many leaks from leaks[first] on, in a row, were allocated on its line and are as lost.
std::size_t leaks_like(std::span<const vm::Leak> leaks, std::size_t first);
// "FILE:LINE: leak: N blocks, B bytes in all, were never freed (allocated on this line, the
// first at 0x...; definitely lost: ...)" for leaks[first, first + count).
std::string render_leak_group(const std::string& file, std::span<const vm::Leak> leaks, std::size_t first,
                              std::size_t count);

}  // namespace memviz::shell
