#include "vm/image.h"

#include <algorithm>

namespace memviz::vm {
namespace {

constexpr std::uint64_t kHeaderBytes = 0x1000;  // ELF and program headers before .text
constexpr std::uint64_t kFunctionAlign = 16;

std::uint64_t align_up(std::uint64_t value, std::uint64_t alignment) {
    return (value + alignment - 1) / alignment * alignment;
}

// Offsets from the code segment's start: functions, then strings.
struct CodePlan {
    std::vector<std::uint64_t> functions;
    std::vector<std::uint64_t> strings;
    std::uint64_t end = 0;
};

CodePlan plan_code(const Program& program) {
    CodePlan plan;
    std::uint64_t at = kHeaderBytes + kFunctionAlign;  // _start comes first
    for (const Function& function : program.functions) {
        at = align_up(at, kFunctionAlign);
        plan.functions.push_back(at);
        at += std::max<std::uint64_t>(function.code.size(), 1);
    }
    at = align_up(at, kPageSize);  // .rodata starts on its own page
    for (const std::string& text : program.strings) {
        plan.strings.push_back(at);
        at += text.size() + 1;
    }
    plan.end = at;
    return plan;
}

std::uint64_t data_end(const Program& program) {
    std::uint64_t end = 0;
    for (const Global& global : program.globals) end = std::max(end, global.offset + global.size);
    return end;
}

}  // namespace

ImageSizes image_sizes(const Program& program) {
    return {plan_code(program).end, std::max<std::uint64_t>(data_end(program), 1)};
}

std::optional<Image::CodePoint> Image::code_point(Addr address, const Program& program) const {
    for (std::uint32_t index = 0; index < function_entry.size(); ++index) {
        const Addr entry = function_entry[index];
        const std::uint64_t length = program.functions[index].code.size();
        if (address >= entry && address < entry + length) {
            return CodePoint{index, static_cast<std::uint32_t>(address - entry)};
        }
    }
    return std::nullopt;
}

Result<Image> load_image(const Program& program, AddressSpace& memory) {
    const Layout& layout = memory.layout();
    const Segment& code = layout.segment(SegmentKind::Code);
    const Segment& data = layout.segment(SegmentKind::Data);
    const CodePlan plan = plan_code(program);
    if (plan.end > code.size() || data_end(program) > data.size()) {
        return Error{"the program does not fit the code and data segments of this layout"};
    }

    Image image;
    image.start_address = code.first + kHeaderBytes;
    for (std::uint64_t offset : plan.functions) image.function_entry.push_back(code.first + offset);
    for (std::uint64_t offset : plan.strings) image.string_address.push_back(code.first + offset);
    for (const Global& global : program.globals) image.global_address.push_back(data.first + global.offset);

    // The loader writes read-only memory directly: the code segment refuses the program's writes,
    // not the loader's. Each instruction's address holds its opcode byte.
    AddressSpace::LoaderAccess loader(memory);
    for (std::size_t index = 0; index < program.functions.size(); ++index) {
        std::vector<std::uint8_t> bytes;
        for (const Instr& instr : program.functions[index].code) bytes.push_back(static_cast<std::uint8_t>(instr.op));
        loader.write(image.function_entry[index], bytes);
    }
    for (std::size_t index = 0; index < program.strings.size(); ++index) {
        const std::string& text = program.strings[index];
        std::vector<std::uint8_t> bytes(text.begin(), text.end());
        bytes.push_back(0);
        loader.write(image.string_address[index], bytes);
    }

    const unsigned pointer = info(program.data_model).pointer_bytes;
    for (std::size_t index = 0; index < program.globals.size(); ++index) {
        const Global& global = program.globals[index];
        std::vector<std::uint8_t> bytes = global.initial;
        bytes.resize(static_cast<std::size_t>(global.size), 0);
        for (const Global::Relocation& relocation : global.relocations) {
            Addr target = 0;
            switch (relocation.to) {
                case Global::Relocation::To::Global: target = image.global_address.at(relocation.index); break;
                case Global::Relocation::To::String: target = image.string_address.at(relocation.index); break;
                case Global::Relocation::To::Function: target = image.function_entry.at(relocation.index); break;
            }
            target += static_cast<Addr>(relocation.addend);
            for (unsigned byte = 0; byte < pointer; ++byte) {
                bytes.at(static_cast<std::size_t>(relocation.at) + byte) = static_cast<std::uint8_t>(target >> (8 * byte));
            }
        }
        loader.write(image.global_address[index], bytes);
    }
    return image;
}

}  // namespace memviz::vm
