#include "session/values.h"

#include <algorithm>
#include <cstring>

#include "support/bit_cast.h"
#include "support/format.h"

namespace memviz::session {
namespace {

using lang::Type;
using lang::TypeKind;

bool overlaps(const std::vector<Changes::Range>& written, Addr first, std::uint64_t size) {
    for (const Changes::Range& range : written) {
        if (range.first < first + size && first < range.first + range.size) return true;
    }
    return false;
}

std::string index_name(std::uint64_t i) {
    std::string name = "[";
    return name.append(std::to_string(i)).append("]");
}

std::uint64_t read_unsigned(std::span<const std::uint8_t> bytes) {
    std::uint64_t value = 0;
    std::memcpy(&value, bytes.data(), std::min<std::size_t>(bytes.size(), 8));
    return value;
}

std::int64_t sign_extend(std::uint64_t value, std::size_t bytes) {
    if (bytes >= 8) return static_cast<std::int64_t>(value);
    const unsigned shift = static_cast<unsigned>(64 - 8 * bytes);
    return static_cast<std::int64_t>(value << shift) >> shift;
}

std::string format_double(double value) {
    std::string text = std::to_string(value);  // %f: enough for students, never exponent noise
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.push_back('0');
    }
    return text;
}

// A scalar's value text; `bytes` is exactly the type's size.
std::string scalar_text(const MachineView& machine, const Type* type, std::span<const std::uint8_t> bytes,
                        std::optional<PointerTarget>& target) {
    const std::uint64_t raw = read_unsigned(bytes);
    switch (type->kind()) {
        case TypeKind::Bool: return raw != 0 ? "1" : "0";
        case TypeKind::Char:
        case TypeKind::SChar:
        case TypeKind::UChar: {
            const auto c = static_cast<unsigned char>(raw);
            const std::int64_t number = type->kind() == TypeKind::UChar ? c : sign_extend(raw, 1);
            return std::to_string(number) + " " + char_literal(c);
        }
        case TypeKind::Float: return format_double(static_cast<double>(memviz::bit_cast<float>(static_cast<std::uint32_t>(raw))));
        case TypeKind::Double:
        case TypeKind::LongDouble: return format_double(memviz::bit_cast<double>(raw));
        case TypeKind::Enum: {
            const auto value = sign_extend(raw, 4);
            for (const lang::Enumerator& e : type->enumerators()) {
                if (e.value == value) return e.name;
            }
            return std::to_string(value);
        }
        case TypeKind::Pointer: {
            target = describe_pointer(machine, raw, type->pointee());
            if (raw == 0) return "NULL";
            std::string text = hex_address(raw);
            // A char pointer to a readable string shows the string, as gdb does.
            const Type* pointee = type->pointee();
            if (pointee != nullptr && (pointee->kind() == TypeKind::Char || pointee->kind() == TypeKind::SChar ||
                                       pointee->kind() == TypeKind::UChar)) {
                std::vector<std::uint8_t> chars(65);
                std::size_t readable = 0;
                for (; readable < chars.size(); ++readable) {
                    if (machine.memory.read(raw + readable, {&chars[readable], 1})) break;
                    if (chars[readable] == 0) break;
                }
                if (readable < chars.size() && readable > 0 && target->kind != PointerTarget::Kind::FreedBlock &&
                    target->kind != PointerTarget::Kind::Dangling) {
                    chars.resize(readable);
                    text.append(" ").append(string_literal(chars));
                }
            }
            return text;
        }
        default:
            return lang::is_signed(type) ? std::to_string(sign_extend(raw, bytes.size())) : std::to_string(raw);
    }
}

}  // namespace

// A C character literal for `c`: 'A', '\n', '\0', '\x7f'.
std::string char_literal(unsigned char c) {
    switch (c) {
        case '\0': return "'\\0'";
        case '\n': return "'\\n'";
        case '\t': return "'\\t'";
        case '\r': return "'\\r'";
        case '\'': return "'\\''";
        case '\\': return "'\\\\'";
        default: break;
    }
    if (c >= 32 && c < 127) return std::string("'") + static_cast<char>(c) + "'";
    return "'\\x" + hex_address(c).substr(2) + "'";
}

// A C string literal for the bytes up to the first zero (at most `limit` shown).
std::string string_literal(std::span<const std::uint8_t> bytes, std::size_t limit) {
    std::string out = "\"";
    std::size_t shown = 0;
    for (std::uint8_t byte : bytes) {
        if (byte == 0) break;
        if (shown++ == limit) {
            out += "...";
            break;
        }
        switch (byte) {
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            default:
                if (byte >= 32 && byte < 127) out += static_cast<char>(byte);
                else out += "\\x" + hex_address(byte).substr(2);
        }
    }
    return out + "\"";
}

std::string format_slot(const Type* type, std::uint64_t value) {
    if (type == nullptr || !type->is_complete()) return "?";
    if (lang::is_pointer(type)) return value == 0 ? "NULL" : hex_address(value);
    if (type->kind() == TypeKind::Float || type->kind() == TypeKind::Double || type->kind() == TypeKind::LongDouble) {
        return format_double(memviz::bit_cast<double>(value));
    }
    if (lang::is_record(type)) return "a " + lang::to_string(type);
    const auto size = static_cast<std::size_t>(type->size());
    if (type->kind() == TypeKind::Char || type->kind() == TypeKind::SChar || type->kind() == TypeKind::UChar) {
        return std::to_string(type->kind() == TypeKind::UChar ? value & 0xFF : static_cast<std::uint64_t>(sign_extend(value, 1))) +
               " " + char_literal(static_cast<unsigned char>(value));
    }
    if (lang::is_signed(type)) return std::to_string(sign_extend(value, size));
    return std::to_string(size >= 8 ? value : value & ((std::uint64_t{1} << (8 * size)) - 1));
}

// Types of one program, possibly from two type tables (an evaluated expression's types come from
// a parse of its own): the same when compatible, or spelled the same.
namespace {
bool same_type(const Type* a, const Type* b) {
    return lang::compatible(a->unqualified(), b->unqualified()) ||
           lang::to_string(a->unqualified()) == lang::to_string(b->unqualified());
}
}  // namespace

std::string element_path(const std::string& name, const Type* type, std::uint64_t offset, const Type* stop) {
    std::string path = name;
    while (type != nullptr && type->is_complete() && offset < type->size()) {
        if (offset == 0 && stop != nullptr && stop->is_complete() && same_type(type, stop)) break;
        if (lang::is_array(type) && type->element()->is_complete() && type->element()->size() > 0) {
            const std::uint64_t size = type->element()->size();
            path.append("[").append(std::to_string(offset / size)).append("]");
            offset %= size;
            type = type->element();
        } else if (lang::is_record(type)) {
            const lang::Member* inside = nullptr;
            for (const lang::Member& member : type->members()) {
                if (member.type->is_complete() && offset >= member.offset && offset < member.offset + member.type->size()) {
                    inside = &member;
                    break;
                }
            }
            if (inside == nullptr) break;
            path += "." + inside->name;
            offset -= inside->offset;
            type = inside->type;
        } else {
            break;
        }
    }
    if (offset != 0) path += " + " + std::to_string(offset) + " bytes";
    return path;
}

bool take_value(const MachineView& machine, std::size_t& object_left) {
    if (object_left == 0 || (machine.budget != nullptr && machine.budget->left == 0)) return false;
    --object_left;
    if (machine.budget != nullptr) --machine.budget->left;
    return true;
}

bool budget_left(const MachineView& machine) { return machine.budget == nullptr || machine.budget->left > 0; }

void count_omitted(const MachineView& machine, std::uint64_t children) {
    if (machine.budget != nullptr) machine.budget->omitted += children;
}

ValueView describe_part(const MachineView& machine, std::string name, const Type* type, Addr address,
                        const std::vector<Changes::Range>& written, std::size_t& object_left) {
    ValueView view;
    view.name = std::move(name);
    view.type = lang::to_string(type);
    view.address = address;
    if (type == nullptr || !type->is_complete()) {
        view.value.assign(1, '?');
        return view;
    }
    view.size = type->size();
    view.changed = overlaps(written, address, view.size);
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(view.size));
    if (machine.memory.read(address, bytes)) {
        view.value = "<unreadable>";
        view.initialized = false;
        return view;
    }
    for (std::uint64_t i = 0; i < view.size && view.initialized; ++i) {
        view.initialized = machine.memory.shadow(address + i) == Shadow::Initialized;
    }

    if (lang::is_array(type)) {
        const Type* element = type->element();
        const std::uint64_t count = element->is_complete() && element->size() > 0 ? view.size / element->size() : 0;
        const std::uint64_t listed = std::min<std::uint64_t>(count, ValueView::kMaxChildren);
        for (std::uint64_t i = 0; i < listed; ++i) {
            if (!take_value(machine, object_left)) {
                count_omitted(machine, listed - i);
                break;
            }
            view.children.push_back(
                describe_part(machine, index_name(i), element, address + i * element->size(), written, object_left));
        }
        const TypeKind kind = element->kind();
        if (kind == TypeKind::Char || kind == TypeKind::SChar || kind == TypeKind::UChar) {
            // Shown as the string it holds when it holds one; bytes never written stay '?'.
            const bool terminated = std::find(bytes.begin(), bytes.end(), 0) != bytes.end();
            const bool first_written = view.children.empty() ? count > 0 && machine.memory.shadow(address) == Shadow::Initialized
                                                             : view.children.front().initialized;
            view.value = first_written ? string_literal(bytes) : "?";
            if (!terminated && view.value != "?") view.value += " (no '\\0')";
        } else {
            std::string text = "{";
            for (std::size_t i = 0; i < view.children.size() && i < 8; ++i) {
                if (i > 0) text += ", ";
                text += view.children[i].value;
            }
            if (count > std::min<std::size_t>(view.children.size(), 8)) text += view.children.empty() ? "..." : ", ...";
            view.value = text + "}";
        }
        return view;
    }
    if (lang::is_record(type)) {
        std::string text = "{";
        for (const lang::Member& member : type->members()) {
            if (!member.type->is_complete()) continue;
            if (!take_value(machine, object_left)) {
                count_omitted(machine, 1);
                continue;
            }
            view.children.push_back(
                describe_part(machine, member.name, member.type, address + member.offset, written, object_left));
            if (text.size() > 1) text += ", ";
            text += member.name + " = " + view.children.back().value;
        }
        view.value = text.size() > 80 ? "{...}" : text + "}";
        return view;
    }
    std::optional<PointerTarget> target;
    const std::string text = scalar_text(machine, type, bytes, target);
    if (!view.initialized) {
        view.value.assign(1, '?');
        if (lang::is_pointer(type)) view.target = PointerTarget{PointerTarget::Kind::Uninitialized, 0, "nothing yet: uninitialized", 0, 0};
        return view;
    }
    view.value = text;
    view.target = std::move(target);
    return view;
}

ValueView describe_value(const MachineView& machine, std::string name, const Type* type, Addr address,
                         const std::vector<Changes::Range>& written) {
    std::size_t object_left = ValueBudget::kPerObject - 1;  // the value itself is one
    if (machine.budget != nullptr && machine.budget->left > 0) --machine.budget->left;
    return describe_part(machine, std::move(name), type, address, written, object_left);
}

ValueView describe_scalar(const MachineView& machine, std::string name, const Type* type, std::uint64_t bits) {
    ValueView view;
    view.name = std::move(name);
    view.type = lang::to_string(type);
    if (type == nullptr || !type->is_complete() || type->size() > sizeof bits) {
        view.value.assign(1, '?');
        return view;
    }
    view.size = type->size();
    std::uint8_t bytes[sizeof bits];
    std::memcpy(bytes, &bits, sizeof bits);  // little-endian, as the simulated machine
    std::optional<PointerTarget> target;
    view.value = scalar_text(machine, type, std::span<const std::uint8_t>(bytes, static_cast<std::size_t>(view.size)), target);
    view.target = std::move(target);
    return view;
}

std::optional<VariableRef> variable_at(const MachineView& machine, Addr address) {
    auto variable = machine.vm.variable_containing(address);
    if (!variable) return std::nullopt;
    const std::string owner = variable->on_stack ? machine.program.functions.at(variable->function).name : "global";
    return VariableRef{std::string(variable->name), owner, variable->type, variable->first};
}

PointerTarget describe_pointer(const MachineView& machine, Addr value, const Type* pointee) {
    using Kind = PointerTarget::Kind;
    if (value == 0) return {Kind::Null, 0, "NULL", 0, 0};
    const Segment* segment = machine.memory.layout().segment_of(value);
    const vm::Image& image = machine.vm.image();
    if (segment != nullptr && segment->kind == SegmentKind::Code) {
        if (auto point = image.code_point(value, machine.program); point && point->pc == 0) {
            return {Kind::Function, value, "the function " + machine.program.functions.at(point->function).name, value, 0};
        }
        for (std::size_t i = 0; i < machine.program.strings.size(); ++i) {
            const Addr first = image.string_address[i];
            const std::string& text = machine.program.strings[i];
            if (value >= first && value <= first + text.size()) {
                const std::uint64_t offset = value - first;
                const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
                return {Kind::String, value,
                        (offset == 0 ? "the string literal " : "byte " + std::to_string(offset) + " of the string literal ") +
                            string_literal(bytes),
                        first, offset};
            }
        }
    }
    if (segment != nullptr && (segment->kind == SegmentKind::Stack || segment->kind == SegmentKind::Data)) {
        if (auto variable = variable_at(machine, value)) {
            const std::string path = element_path(variable->name, variable->type, value - variable->first, pointee);
            const std::string owner = variable->owner == "global" ? " (a global)" : " in " + variable->owner;
            return {Kind::Variable, value, "`" + path + "`" + owner, variable->first, value - variable->first};
        }
        if (segment->kind == SegmentKind::Stack && value >= machine.memory.stack_low() &&
            machine.memory.shadow(value) == Shadow::PoppedFrame) {
            return {Kind::Dangling, value, "a stack frame that has returned: the pointer is dangling", value, 0};
        }
    }
    if (segment != nullptr && segment->kind == SegmentKind::Heap) {
        if (auto block = machine.allocator.block_containing(value); block && block->state == alloc::BlockState::Allocated) {
            if (value >= block->payload && value <= block->payload + block->requested) {
                const std::uint64_t offset = value - block->payload;
                const std::string of = "the " + std::to_string(block->requested) + "-byte block at " + hex_address(block->payload);
                const std::string where = offset == 0 ? "the start of " + of
                                          : offset == block->requested ? "just past the end of " + of
                                                                       : "byte " + std::to_string(offset) + " of " + of;
                return {Kind::HeapBlock, value, where, block->payload, offset};
            }
        }
        if (auto freed = machine.allocator.freed_block_containing(value)) {
            return {Kind::FreedBlock, value,
                    "the freed block at " + hex_address(freed->payload) +
                        (freed->freed_at != 0 ? " (freed on line " + std::to_string(freed->freed_at) + ")" : std::string()),
                    freed->payload, value - freed->payload};
        }
        return {Kind::Wild, value, "heap memory that is no block's payload", value, 0};
    }
    const std::string where = segment != nullptr ? std::string(name(segment->kind)) : "no segment";
    return {Kind::Wild, value, "an address in " + where + " that holds no variable", value, 0};
}

}  // namespace memviz::session
