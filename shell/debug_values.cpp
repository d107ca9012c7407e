#include "debug_values.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "debug_words.h"
#include "session/values.h"
#include "support/format.h"

namespace memviz::shell {
namespace {

bool identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// --- walking the snapshot's value trees ------------------------------------------------------

// A variable tree with whose it is: a frame's function, or "" for a global.
struct Root {
    const ValueView& value;
    std::string_view owner;
};

std::vector<Root> roots(const Snapshot& snapshot) {
    std::vector<Root> out;
    for (const FrameView& frame : snapshot.frames) {
        for (const ValueView& value : frame.variables) out.push_back({value, frame.function});
    }
    for (const ValueView& value : snapshot.globals) out.push_back({value, {}});
    return out;
}

bool contains(const ValueView& value, Addr address) {
    return address >= value.address && address - value.address < value.size;
}

// "next" under "n" reads "n.next"; "[2]" under "scores" reads "scores[2]".
std::string child_path(const std::string& parent, const std::string& child) {
    if (!child.empty() && child.front() == '[') return parent + child;
    if (!child.empty() && child.front() == '.') return parent + child;
    return parent + "." + child;
}

std::string_view member_name(std::string_view child) {
    if (!child.empty() && child.front() == '.') child.remove_prefix(1);
    return child;
}

// --- formatting bytes: core/session/values.h's literals --------------------------------------

using session::char_literal;

std::string string_literal(std::span<const std::uint8_t> bytes) { return session::string_literal(bytes, bytes.size()); }

std::string format_double(double value) {
    std::string text = std::to_string(value);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.push_back('0');
    }
    return text;
}

std::int64_t sign_extend(std::uint64_t value, std::size_t bytes) {
    if (bytes >= 8) return static_cast<std::int64_t>(value);
    const unsigned shift = static_cast<unsigned>(64 - 8 * bytes);
    return static_cast<std::int64_t>(value << shift) >> shift;
}

bool is_char_type(std::string_view type) { return type == "char" || type == "signed char" || type == "unsigned char"; }

// The string a char pointer points at, when it ends within 64 readable bytes.
std::optional<std::string> string_at(const ValueSource& source, Addr address) {
    const std::vector<Session::MemoryByte> bytes = source.read(address, 65);
    std::vector<std::uint8_t> chars;
    for (const Session::MemoryByte& byte : bytes) {
        if (!byte.value) return std::nullopt;
        if (*byte.value == 0) return chars.empty() ? std::nullopt : std::optional(string_literal(chars));
        chars.push_back(*byte.value);
    }
    return std::nullopt;
}

std::string format_scalar(const ValueSource& source, const std::string& type, std::span<const std::uint8_t> bytes,
                          std::optional<PointerTarget>& target) {
    std::uint64_t raw = 0;
    std::memcpy(&raw, bytes.data(), std::min<std::size_t>(bytes.size(), 8));
    if (is_pointer_type(type)) {
        target = describe_address(source.snapshot, raw);
        if (raw == 0) return "NULL";
        std::string text = hex_address(raw);
        const std::optional<std::string> pointee = pointee_type(type);
        if (pointee && is_char_type(*pointee) && target->kind != PointerTarget::Kind::FreedBlock &&
            target->kind != PointerTarget::Kind::Dangling) {
            if (auto string = string_at(source, raw)) text += " " + *string;
        }
        return text;
    }
    if (type == "_Bool") return raw != 0 ? "1" : "0";
    if (is_char_type(type)) {
        const auto c = static_cast<unsigned char>(raw);
        return std::to_string(type == "unsigned char" ? std::int64_t{c} : sign_extend(raw, 1)) + " " + char_literal(c);
    }
    if (type == "float") {
        float value = 0;
        std::memcpy(&value, bytes.data(), sizeof value);
        return format_double(static_cast<double>(value));
    }
    if (type == "double" || type == "long double") {
        double value = 0;
        std::memcpy(&value, bytes.data(), sizeof value);
        return format_double(value);
    }
    if (type.starts_with("unsigned")) return std::to_string(raw);
    return std::to_string(sign_extend(raw, bytes.size()));
}

// The number of elements an array type's spelling declares: "int [5]" -> 5.
std::optional<std::uint64_t> array_count(std::string_view type) {
    const std::size_t open = type.find('[');
    if (open == std::string_view::npos) return std::nullopt;
    std::uint64_t count = 0;
    const char* first = type.data() + open + 1;
    const char* last = type.data() + type.size();
    auto [end, ec] = std::from_chars(first, last, count);
    if (ec != std::errc() || end == last || *end != ']') return std::nullopt;
    return count;
}

}  // namespace

std::string unqualified(std::string_view type) {
    std::string words;
    for (std::size_t at = 0; at < type.size();) {
        if (identifier_char(type[at])) {
            std::size_t end = at;
            while (end < type.size() && identifier_char(type[end])) ++end;
            const std::string_view word = type.substr(at, end - at);
            if (word != "const" && word != "volatile" && word != "restrict") words += word;
            at = end;
        } else {
            words += type[at++];
        }
    }
    // Spaces collapsed, none between two stars ("int * *" from "int *const *").
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == ' ') {
            if (out.empty() || out.back() == ' ') continue;
            std::size_t next = i;
            while (next < words.size() && words[next] == ' ') ++next;
            if (next == words.size() || (out.back() == '*' && words[next] == '*')) continue;
        }
        out += words[i];
    }
    return std::string(trim(out));
}

bool is_pointer_type(std::string_view type) {
    const std::string plain = unqualified(type);
    return (!plain.empty() && plain.back() == '*') || plain.find("(*)") != std::string::npos;
}

bool is_array_type(std::string_view type) {
    const std::string plain = unqualified(type);
    return !plain.empty() && plain.back() == ']' && plain.find("(*)") == std::string::npos;
}

std::optional<std::string> pointee_type(std::string_view type) {
    std::string plain = unqualified(type);
    if (const std::size_t at = plain.find("(*)"); at != std::string::npos) {
        if (at + 3 < plain.size() && plain[at + 3] == '(') return std::nullopt;  // a function pointer
        plain.erase(at, 3);
        return std::string(trim(plain.substr(0, at))) + " " + std::string(trim(plain.substr(at)));
    }
    if (plain.empty() || plain.back() != '*') return std::nullopt;
    plain.pop_back();
    return std::string(trim(plain));
}

std::optional<std::string> element_type(std::string_view type) {
    if (!is_array_type(type)) return std::nullopt;
    std::string plain = unqualified(type);
    const std::size_t open = plain.find('[');
    const std::size_t close = plain.find(']', open);
    plain.erase(open, close - open + 1);
    const std::string left(trim(std::string_view(plain).substr(0, open)));
    const std::string right(trim(std::string_view(plain).substr(open)));
    return right.empty() ? left : left + " " + right;
}

std::optional<std::uint64_t> scalar_size(std::string_view type, DataModel model) {
    const std::string plain = unqualified(type);
    const DataModelInfo& sizes = info(model);
    if (is_pointer_type(plain)) return sizes.pointer_bytes;
    if (plain == "_Bool" || is_char_type(plain)) return 1;
    if (plain == "short" || plain == "unsigned short") return 2;
    if (plain == "int" || plain == "unsigned int" || plain == "float" || plain.starts_with("enum ")) return 4;
    if (plain == "long" || plain == "unsigned long") return sizes.long_bytes;
    if (plain == "long long" || plain == "unsigned long long" || plain == "double" || plain == "long double") return 8;
    return std::nullopt;
}

std::optional<std::string> scalar_text(const ValueSource& source, std::string_view type,
                                       std::span<const Session::MemoryByte> bytes) {
    const std::string plain = unqualified(type);
    const auto size = scalar_size(plain, source.data_model);
    if (!size || *size != bytes.size()) return std::nullopt;
    std::vector<std::uint8_t> values;
    bool initialized = true;
    for (const Session::MemoryByte& byte : bytes) {
        if (!byte.value) return "<unreadable>";
        values.push_back(*byte.value);
        initialized = initialized && byte.shadow == Shadow::Initialized;
    }
    if (!initialized) return "?";
    std::optional<PointerTarget> target;
    return format_scalar(source, plain, values, target);
}

PointerTarget describe_address(const Snapshot& snapshot, Addr address) {
    using Kind = PointerTarget::Kind;
    if (address == 0) return {Kind::Null, 0, "NULL", 0, 0};
    for (const Root& root : roots(snapshot)) {
        if (!contains(root.value, address)) continue;
        // The innermost element or member holding the address names it.
        std::string path = root.value.name;
        const ValueView* at = &root.value;
        for (bool deeper = true; deeper;) {
            deeper = false;
            for (const ValueView& child : at->children) {
                if (contains(child, address)) {
                    path = child_path(path, child.name);
                    at = &child;
                    deeper = true;
                    break;
                }
            }
        }
        std::string text = "`" + path + "`";
        if (address != at->address) text += " + " + std::to_string(address - at->address) + " bytes";
        text += root.owner.empty() ? " (a global)" : " in " + std::string(root.owner);
        return {Kind::Variable, address, text, root.value.address, address - root.value.address};
    }
    for (const HeapBlockView& block : snapshot.heap) {
        if (block.allocated && address >= block.payload && address <= block.payload + block.requested) {
            const std::uint64_t offset = address - block.payload;
            const std::string of = "the " + std::to_string(block.requested) + "-byte block at " + hex_address(block.payload);
            const std::string where = offset == 0                 ? "the start of " + of
                                      : offset == block.requested ? "just past the end of " + of
                                                                  : "byte " + std::to_string(offset) + " of " + of;
            return {Kind::HeapBlock, address, where, block.payload, offset};
        }
        if (block.freed_by_program && address >= block.payload && address < block.header + block.size) {
            std::string text = "the freed block at " + hex_address(block.payload);
            if (block.freed_at != 0) text += " (freed on line " + std::to_string(block.freed_at) + ")";
            return {Kind::FreedBlock, address, text, block.payload, address - block.payload};
        }
    }
    for (const SegmentView& segment : snapshot.segments) {
        if (address < segment.first || address > segment.last) continue;
        if (segment.kind == SegmentKind::Heap) return {Kind::Wild, address, "heap memory that is no block's payload", address, 0};
        if (segment.kind == SegmentKind::Stack && address <= segment.last - segment.used) {
            return {Kind::Dangling, address, "stack memory below the last frame: no live variable is there", address, 0};
        }
        return {Kind::Wild, address, "an address in " + segment.name + " that holds no variable", address, 0};
    }
    return {Kind::Wild, address, "an address outside the address space", address, 0};
}

std::optional<std::string> symbol_at(const Snapshot& snapshot, Addr address) {
    auto label = [address](const std::string& name, Addr first) {
        return address == first ? name : name + "+" + std::to_string(address - first);
    };
    for (const Root& root : roots(snapshot)) {
        if (contains(root.value, address)) return label(root.value.name, root.value.address);
    }
    for (const HeapBlockView& block : snapshot.heap) {
        const std::uint64_t payload_bytes = std::max<std::uint64_t>(block.requested, 1);
        if (address < block.payload || address - block.payload >= payload_bytes) continue;
        if (block.allocated) return label("block " + hex_address(block.payload), block.payload);
        if (block.freed_by_program) return label("freed block " + hex_address(block.payload), block.payload);
    }
    return std::nullopt;
}

std::string inline_value(const ValueView& value) {
    if (value.children.empty() || (!value.initialized && value.value == "?")) return value.value;
    const std::string type = unqualified(value.type);
    if (is_array_type(type)) {
        if (auto element = element_type(type); element && is_char_type(*element)) return value.value;
        std::string text = "{";
        for (const ValueView& child : value.children) {
            if (text.size() > 1) text += ", ";
            text += inline_value(child);
        }
        const auto count = array_count(type);
        if (count && *count > value.children.size()) text += ", ...";
        return text + "}";
    }
    std::string text = "{";
    for (const ValueView& child : value.children) {
        if (text.size() > 1) text += ", ";
        text.append(member_name(child.name)).append(" = ").append(inline_value(child));
    }
    return text + "}";
}

}  // namespace memviz::shell
