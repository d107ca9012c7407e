// Loading a Program into an address space, as the OS loader and the C runtime would: functions
// get addresses in the code segment (one per instruction, each function 16-byte aligned, after a
// page of ELF headers, as gcc's .text starts at 0x401000), string literals follow in read-only
// data, globals get their initial bytes in the data segment, and every address in them is fixed.
#pragma once

#include <cstdint>
#include <vector>

#include "mem/address_space.h"
#include "support/result.h"
#include "vm/bytecode.h"

namespace memviz::vm {

struct Image {
    // Where main returns to: the C runtime's entry (_start), the first 16 bytes of .text.
    Addr start_address = 0;
    std::vector<Addr> function_entry;  // by function index
    std::vector<Addr> string_address;  // by string index
    std::vector<Addr> global_address;  // by global index

    // The function whose code holds `address` and the instruction index there, if any.
    struct CodePoint {
        std::uint32_t function = 0;
        std::uint32_t pc = 0;
    };
    std::optional<CodePoint> code_point(Addr address, const Program& program) const;
};

// The code and data sizes the layout must provide for `program` (LayoutConfig's code_bytes and
// data_bytes).
struct ImageSizes {
    std::uint64_t code_bytes = 0;
    std::uint64_t data_bytes = 0;
};
ImageSizes image_sizes(const Program& program);

// Writes the program into `memory`, whose layout must have been made with at least
// image_sizes(program).
Result<Image> load_image(const Program& program, AddressSpace& memory);

}  // namespace memviz::vm
