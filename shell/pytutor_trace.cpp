#include "pytutor_trace.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

#include "debug_values.h"
#include "support/format.h"

namespace memviz::shell {
namespace {

using nlohmann::json;

// "0x4052A0", as the backend prints addresses. The frontend draws a pointer's arrow to the
// element whose address string equals the pointer's value string, so every address and every
// pointer value here is spelled this one way.
std::string address_text(Addr address) {
    std::string text = hex_address(address);
    std::transform(text.begin() + 2, text.end(), text.begin() + 2, [](char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

bool is_char_type(std::string_view type) { return type == "char" || type == "signed char" || type == "unsigned char"; }

// A char as the backend shows one: the character itself, C escapes for the common control
// characters, "???" (the frontend's mark for unprintable) for the rest.
std::string char_text(unsigned char c) {
    switch (c) {
        case '\0': return "\\0";
        case '\n': return "\\n";
        case '\t': return "\\t";
        case '\r': return "\\r";
        default: break;
    }
    if (c >= 32 && c < 127) return std::string(1, static_cast<char>(c));
    return "???";
}

// The value text's first word as a number: "42", "-3", "65 'A'", "1.5".
std::optional<json> number_json(std::string_view text) {
    text = text.substr(0, text.find(' '));
    if (text.empty()) return std::nullopt;
    const char* last = text.data() + text.size();
    // Unsigned first, so an unsigned long above 2^63 keeps its value.
    std::uint64_t positive = 0;
    if (auto [end, ec] = std::from_chars(text.data(), last, positive); ec == std::errc() && end == last) return json(positive);
    std::int64_t negative = 0;
    if (auto [end, ec] = std::from_chars(text.data(), last, negative); ec == std::errc() && end == last) return json(negative);
    const std::string copy(text);
    char* end = nullptr;
    const double d = std::strtod(copy.c_str(), &end);
    if (end == copy.c_str() + copy.size()) return json(d);  // inf and nan are written as null
    return std::nullopt;
}

class Encoder {
public:
    Encoder(const Snapshot& snapshot, const MemoryReader& read) : m_snapshot(snapshot), m_read(read) {}

    json encode(const ValueView& value) {
        const std::string type = unqualified(value.type);
        const std::string address = address_text(value.address);
        if (is_array_type(type)) {
            json out = json::array({"C_ARRAY", address});
            for (const ValueView& element : value.children) out.push_back(encode(element));
            return out;
        }
        if (is_pointer_type(type)) {
            const bool to_heap = value.target && value.target->kind == PointerTarget::Kind::HeapBlock;
            const bool to_string = value.target && value.target->kind == PointerTarget::Kind::String;
            if (value.initialized && (to_heap || to_string)) m_pending.push_back({value.target->object, to_string});
            return json::array({"C_DATA", address, "pointer", pointer_value(value)});
        }
        if (!value.children.empty() || type.starts_with("struct ") || type.starts_with("union ")) {
            // The backend names a struct by its tag alone: "node" for `struct node`.
            const std::size_t space = type.find(' ');
            json out = json::array({"C_STRUCT", address, space == std::string::npos ? type : type.substr(space + 1)});
            for (const ValueView& member : value.children) out.push_back(json::array({member.name, encode(member)}));
            return out;
        }
        return json::array({"C_DATA", address, type, scalar_value(value, type)});
    }

    // The blocks the encoded values point into, and the blocks those point into, by payload;
    // string literals too, which the backend also draws as heap objects.
    json heap() {
        json heap = json::object();
        while (!m_pending.empty()) {
            const Pending pending = m_pending.back();
            m_pending.pop_back();
            const std::string key = address_text(pending.object);
            if (heap.contains(key)) continue;
            if (pending.string) {
                heap[key] = encode_string(pending.object);
                continue;
            }
            for (const HeapBlockView& block : m_snapshot.heap) {
                if (block.allocated && block.payload == pending.object) heap[key] = encode_block(block);
            }
        }
        return heap;
    }

private:
    struct Pending {
        Addr object = 0;  // a block's payload, or a string literal's first char
        bool string = false;
    };

    static json pointer_value(const ValueView& value) {
        if (!value.initialized || value.value == "?") return "<UNINITIALIZED>";
        if (value.value == "NULL") return "0x0";
        std::string_view text = value.value;
        text = text.substr(0, text.find(' '));
        Addr address = 0;
        if (text.starts_with("0x")) text.remove_prefix(2);
        if (auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), address, 16);
            ec != std::errc() || end != text.data() + text.size()) {
            return value.value;
        }
        return address_text(address);
    }

    static json scalar_value(const ValueView& value, const std::string& type) {
        if (value.value == "<unreadable>") return "<UNALLOCATED>";
        if (!value.initialized || value.value == "?") return "<UNINITIALIZED>";
        const std::optional<json> number = number_json(value.value);
        if (is_char_type(type) && number) return char_text(static_cast<unsigned char>(number->get<std::int64_t>()));
        if (number) return *number;
        return value.value;  // an enumerator's name
    }

    // The block as the backend draws one, an array: of the elements the snapshot read it as
    // (one struct is an array of one), or of its bytes when nothing typed points at its start.
    json encode_block(const HeapBlockView& block) {
        if (!block.contents) return bytes(block);
        if (is_array_type(unqualified(block.contents->type))) return encode(*block.contents);
        return json::array({"C_ARRAY", address_text(block.payload), encode(*block.contents)});
    }

    // Untyped bytes as numbers, under a type name of their own ("byte"): drawn as chars they
    // would read as text that is not there.
    json bytes(const HeapBlockView& block) {
        json out = json::array({"C_ARRAY", address_text(block.payload)});
        const std::uint64_t count = std::min<std::uint64_t>(block.requested, ValueView::kMaxChildren);
        const std::vector<Session::MemoryByte> read = m_read(block.payload, count);
        for (std::size_t i = 0; i < read.size(); ++i) {
            const Session::MemoryByte& byte = read[i];
            const json value = !byte.value                         ? json("<UNALLOCATED>")
                               : byte.shadow != Shadow::Initialized ? json("<UNINITIALIZED>")
                                                                    : json(*byte.value);
            out.push_back(json::array({"C_DATA", address_text(block.payload + i), "byte", value}));
        }
        return out;
    }

    // The literal's chars and its '\0', at most kMaxChildren of them.
    json encode_string(Addr first) {
        json out = json::array({"C_ARRAY", address_text(first)});
        const std::vector<Session::MemoryByte> bytes = m_read(first, ValueView::kMaxChildren);
        for (std::size_t i = 0; i < bytes.size() && bytes[i].value; ++i) {
            out.push_back(json::array({"C_DATA", address_text(first + i), "char", char_text(*bytes[i].value)}));
            if (*bytes[i].value == 0) break;
        }
        return out;
    }

    const Snapshot& m_snapshot;
    const MemoryReader& m_read;
    std::vector<Pending> m_pending;
};

}  // namespace

PytutorTrace::PytutorTrace(std::string code) : m_code(std::move(code)) {}

void PytutorTrace::add_step(const Snapshot& snapshot, const MemoryReader& read) {
    // After the program exits no frame is left to draw. The backend ends its trace on main's
    // last line instead, marked "return", so that point takes the end's output and closes it.
    if (snapshot.state == Snapshot::State::Exited && snapshot.frames.empty() && !m_trace.empty()) {
        m_trace.back()["event"] = "return";
        m_trace.back()["stdout"] = snapshot.stdout_text;
        m_frame_ids.clear();
        return;
    }
    Encoder encoder(snapshot, read);
    json point = json::object();

    json globals = json::object();
    json ordered_globals = json::array();
    for (const ValueView& global : snapshot.globals) {
        if (!globals.contains(global.name)) ordered_globals.push_back(global.name);
        globals[global.name] = encoder.encode(global);
    }

    // Python Tutor stacks grow downward on the page: main first, the running function last.
    json stack = json::array();
    std::vector<std::string> frame_ids;
    for (auto frame = snapshot.frames.rbegin(); frame != snapshot.frames.rend(); ++frame) {
        json locals = json::object();
        json names = json::array();
        // A block-scoped variable that shadows an outer one comes later and wins, as in C.
        for (const ValueView& variable : frame->variables) {
            if (!locals.contains(variable.name)) names.push_back(variable.name);
            locals[variable.name] = encoder.encode(variable);
        }
        const std::string id = address_text(frame->frame_pointer);
        frame_ids.push_back(id);
        stack.push_back({{"func_name", frame->function},
                         {"frame_id", id},
                         {"unique_hash", frame->function + "_" + id},
                         {"line", frame->line},
                         {"is_highlighted", frame == snapshot.frames.rend() - 1},
                         {"is_parent", false},
                         {"is_zombie", false},
                         {"parent_frame_id_list", json::array()},
                         {"encoded_locals", std::move(locals)},
                         {"ordered_varnames", std::move(names)}});
    }

    // The backend's events: "call" on the first point inside a new frame, "return" on the last
    // point before a frame goes, "exception" where the program stopped at an error.
    std::string event = "step_line";
    if (!m_trace.empty() && frame_ids.size() > m_frame_ids.size() &&
        std::equal(m_frame_ids.begin(), m_frame_ids.end(), frame_ids.begin())) {
        event = "call";
    } else if (!m_trace.empty() && frame_ids.size() < m_frame_ids.size()) {
        m_trace.back()["event"] = "return";
    }
    if (snapshot.state == Snapshot::State::Faulted && snapshot.error) {
        event = "exception";
        point["exception_msg"] = std::string(vm::name(snapshot.error->kind)) + ": " + snapshot.error->message + "\n" +
                                 snapshot.error->explanation;
    }

    point["line"] = snapshot.line;
    point["event"] = event;
    point["func_name"] = snapshot.frames.empty() ? std::string("main") : snapshot.frames.front().function;
    point["globals"] = std::move(globals);
    point["ordered_globals"] = std::move(ordered_globals);
    point["stack_to_render"] = std::move(stack);
    point["heap"] = encoder.heap();
    point["stdout"] = snapshot.stdout_text;
    m_trace.push_back(std::move(point));
    m_frame_ids = std::move(frame_ids);
}

nlohmann::json PytutorTrace::finish(const std::optional<std::string>& cut) && {
    if (cut && !m_trace.empty()) {
        m_trace.back()["event"] = "instruction_limit_reached";
        m_trace.back()["exception_msg"] = *cut;
    }
    return {{"code", std::move(m_code)}, {"trace", std::move(m_trace)}};
}

}  // namespace memviz::shell
