// The target's data model: the sizes the simulated program sees. LP64 is Linux on x86-64 (what
// gcc -m64 gives), ILP32 is Linux on i386 (gcc -m32). Everything that depends on the target's
// word size reads it from here, never from the host.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace memviz {

// A simulated address. Always 64 bits wide, whatever the data model; a host pointer never
// becomes one.
using Addr = std::uint64_t;

enum class DataModel : std::uint8_t { LP64, ILP32 };

struct DataModelInfo {
    std::string_view name;        // "LP64", as the docs and the UI print it
    unsigned pointer_bytes;       // sizeof(void *)
    unsigned long_bytes;          // sizeof(long)
    unsigned malloc_alignment;    // alignment of every malloc result (glibc: 16 / 8)
    unsigned address_bits;        // width of the address space the layout spans
    Addr max_address;             // highest address: 2^address_bits - 1
};

const DataModelInfo& info(DataModel model);

// Accepts "lp64" / "ilp32" in any case.
std::optional<DataModel> parse_data_model(std::string_view text);

}  // namespace memviz
