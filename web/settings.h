// What the student chose in the Settings menu: how programs run and how memory is drawn. Plain
// C++ (no ImGui), shared by the app, the JS API and permalinks, which all check values the same
// way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "alloc/allocator.h"
#include "mem/data_model.h"

namespace memviz::web {

struct Settings {
    DataModel data_model = DataModel::LP64;
    // false: low addresses at the top, as the course notes draw memory (the heap grows down the
    // page, the stack up). true: high addresses at the top, as CS:APP draws it.
    bool high_addresses_first = false;
    alloc::PolicyKind policy = alloc::PolicyKind::Segregated;
    bool keep_going = false;  // run on past errors a real program survives (a leak, a stray read)
    bool light_theme = false;
    std::uint64_t stack_limit = 8ULL << 20;  // as `ulimit -s`; a small one shows stack overflow sooner
    std::uint64_t heap_limit = 64ULL << 20;

    bool operator==(const Settings&) const = default;
};

// The limits a student may choose, in bytes: the stack from one page to 64 MiB, the heap from
// 1 MiB to 256 MiB. With the history's limit they bound the host memory one program can take
// (host_memory_bound): at the largest, 3.6 GiB, under the 4 GiB the wasm memory may grow to
// (web/CMakeLists.txt); at the defaults 1.5 GiB.
inline constexpr std::uint64_t kMinStackLimit = 4096;
inline constexpr std::uint64_t kMaxStackLimit = 64ULL << 20;
inline constexpr std::uint64_t kMinHeapLimit = 1ULL << 20;
inline constexpr std::uint64_t kMaxHeapLimit = 256ULL << 20;
// The history's checkpoints in the browser: a quarter of a native session's.
inline constexpr std::uint64_t kHistoryLimit = 256ULL << 20;

// Why `bytes` cannot be the stack (or heap) limit, naming it as `what`; none when it can.
std::optional<std::string> stack_limit_problem(double bytes, const std::string& what);
std::optional<std::string> heap_limit_problem(double bytes, const std::string& what);

}  // namespace memviz::web
