// The .rep parser is one pass over the lines: the first four non-blank lines are the header, each
// later one is an operation, checked as soon as it is read (OpChecker) so that the error named is
// always the first bad line. Nothing is sized from the header's numbers, which may be anything.
#include "alloc/trace.h"

#include <array>
#include <charconv>
#include <unordered_map>
#include <utility>

namespace memviz::alloc {
namespace {

constexpr std::size_t kHeaderLines = 4;
constexpr std::array<std::string_view, kHeaderLines> kHeaderFields = {
    "the suggested heap size", "the number of ids", "the number of operations", "the weight"};
constexpr std::size_t kOpsField = 2;

std::string at_line(std::uint64_t line, const std::string& message) {
    return "line " + std::to_string(line) + ": " + message;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

// The words of a line; `count` stops at kMaxWords + 1, which is already too many for any line.
struct Words {
    static constexpr std::size_t kMaxWords = 3;
    std::array<std::string_view, kMaxWords + 1> word{};
    std::size_t count = 0;
};

Words split(std::string_view line) {
    Words words;
    std::size_t pos = 0;
    while (words.count < words.word.size()) {
        while (pos < line.size() && is_space(line[pos])) ++pos;
        if (pos == line.size()) break;
        const std::size_t start = pos;
        while (pos < line.size() && !is_space(line[pos])) ++pos;
        words.word[words.count++] = line.substr(start, pos - start);
    }
    return words;
}

// A line as an error message shows it: in backticks, at most 40 bytes, anything unprintable as
// \xNN, so that arbitrary input cannot garble a terminal.
std::string quoted(std::string_view line) {
    constexpr std::size_t kMaxShown = 40;
    line = trimmed(line);
    std::string out = "`";
    for (std::size_t i = 0; i < line.size() && i < kMaxShown; ++i) {
        const auto byte = static_cast<unsigned char>(line[i]);
        if (byte >= 0x20 && byte < 0x7f) {
            out += static_cast<char>(byte);
        } else {
            constexpr std::string_view kHex = "0123456789abcdef";
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        }
    }
    if (line.size() > kMaxShown) out += "...";
    return out + "`";
}

enum class NumberStatus : std::uint8_t { Ok, NotANumber, TooLarge };

struct Number {
    NumberStatus status = NumberStatus::NotANumber;
    std::uint64_t value = 0;
};

// Decimal digits only: no sign, no hex, no spaces.
Number parse_number(std::string_view word) {
    if (word.empty()) return {};
    for (char c : word) {
        if (c < '0' || c > '9') return {};
    }
    Number number;
    auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), number.value);
    if (ec == std::errc::result_out_of_range) return {NumberStatus::TooLarge, 0};
    number.status = (ec == std::errc{} && end == word.data() + word.size()) ? NumberStatus::Ok
                                                                             : NumberStatus::NotANumber;
    return number;
}

std::string too_large(std::string_view what, std::string_view word) {
    std::string shown(word.substr(0, 40));
    return std::string(what) + " " + shown + (word.size() > 40 ? "..." : "") + " does not fit in 64 bits";
}

std::string where_text(std::uint64_t line, std::size_t index) {
    return line != 0 ? "line " + std::to_string(line) : "operation " + std::to_string(index + 1);
}

// Checks each operation against the ones before it: ids in range, `a` of an id that is not live,
// `r` and `f` of one that is. Remembers, per id, where it was last allocated or freed.
class OpChecker {
public:
    explicit OpChecker(std::uint64_t id_count) : m_id_count(id_count) {}

    // Then records the operation. The message starts with where the operation is.
    std::optional<std::string> check(const TraceOp& op, std::size_t index) {
        auto fail = [&](const std::string& message) { return where_text(op.line, index) + ": " + message; };
        const std::string id = "id " + std::to_string(op.id);
        if (op.id >= m_id_count) {
            std::string declared = "the header declares " + std::to_string(m_id_count) + " ids";
            if (m_id_count > 0) declared += " (0 to " + std::to_string(m_id_count - 1) + ")";
            return fail(id + " is out of range: " + declared);
        }
        auto found = m_ids.find(op.id);
        if (op.kind == TraceOpKind::Malloc) {
            if (found != m_ids.end() && found->second.live) {
                return fail(id + " is allocated again without being freed (allocated at " +
                            where_text(found->second.line, found->second.index) + ")");
            }
            m_ids[op.id] = {true, op.line, index};
            return std::nullopt;
        }
        const std::string call = op.kind == TraceOpKind::Free ? "free of " : "realloc of ";
        if (found == m_ids.end()) return fail(call + id + ", which was never allocated");
        if (!found->second.live) {
            return fail(call + id + ", which was freed at " + where_text(found->second.line, found->second.index));
        }
        if (op.kind == TraceOpKind::Free) found->second = {false, op.line, index};
        return std::nullopt;
    }

private:
    struct IdState {
        // Where the malloc that made it live, or the free that ended it, is.
        bool live = false;
        std::uint64_t line = 0;
        std::size_t index = 0;
    };
    std::uint64_t m_id_count;
    std::unordered_map<std::uint64_t, IdState> m_ids;
};

constexpr std::string_view kAnyOp = "`a ID BYTES`, `r ID BYTES` or `f ID`";

Result<TraceOp> parse_op(std::string_view line, std::uint64_t line_number) {
    const Words words = split(line);
    TraceOp op;
    op.line = line_number;
    std::string_view form;
    std::size_t expected_words = 3;
    if (words.word[0] == "a") {
        op.kind = TraceOpKind::Malloc;
        form = "`a ID BYTES`";
    } else if (words.word[0] == "r") {
        op.kind = TraceOpKind::Realloc;
        form = "`r ID BYTES`";
    } else if (words.word[0] == "f") {
        op.kind = TraceOpKind::Free;
        form = "`f ID`";
        expected_words = 2;
    } else {
        return Error{at_line(line_number, "expected " + std::string(kAnyOp) + ", got " + quoted(line))};
    }
    const std::string malformed = "expected " + std::string(form) + ", got " + quoted(line);
    if (words.count != expected_words) return Error{at_line(line_number, malformed)};

    const Number id = parse_number(words.word[1]);
    if (id.status == NumberStatus::NotANumber) return Error{at_line(line_number, malformed)};
    if (id.status == NumberStatus::TooLarge) return Error{at_line(line_number, too_large("id", words.word[1]))};
    op.id = id.value;
    if (expected_words == 3) {
        const Number bytes = parse_number(words.word[2]);
        if (bytes.status == NumberStatus::NotANumber) return Error{at_line(line_number, malformed)};
        if (bytes.status == NumberStatus::TooLarge) {
            return Error{at_line(line_number, too_large("size", words.word[2]))};
        }
        op.bytes = bytes.value;
    }
    return op;
}

}  // namespace

Result<Trace> parse_trace(std::string_view text, std::string name) {
    Trace trace;
    trace.name = std::move(name);
    std::array<std::uint64_t, kHeaderLines> header{};
    std::size_t header_read = 0;
    std::uint64_t ops_line = 0;  // the header line declaring the number of operations
    std::uint64_t line_number = 0;
    std::optional<OpChecker> checker;

    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        if (trimmed(line).empty()) continue;

        if (header_read < kHeaderLines) {
            const Words words = split(line);
            const Number number = words.count == 1 ? parse_number(words.word[0]) : Number{};
            if (number.status == NumberStatus::NotANumber) {
                return Error{at_line(line_number, "expected " + std::string(kHeaderFields[header_read]) +
                                                      " (a number), got " + quoted(line))};
            }
            if (number.status == NumberStatus::TooLarge) {
                return Error{at_line(line_number, too_large(kHeaderFields[header_read], words.word[0]))};
            }
            if (header_read == kOpsField) ops_line = line_number;
            header[header_read++] = number.value;
            if (header_read == kHeaderLines) {
                trace.suggested_heap_bytes = header[0];
                trace.id_count = header[1];
                trace.weight = header[3];
                checker.emplace(trace.id_count);
            }
            continue;
        }

        Result<TraceOp> op = parse_op(line, line_number);
        if (!op.ok()) return Error{op.error()};
        if (trace.ops.size() == header[kOpsField]) {
            return Error{at_line(line_number, "one operation more than the " + std::to_string(header[kOpsField]) +
                                                  " the header declares (line " + std::to_string(ops_line) + ")")};
        }
        if (auto problem = checker->check(op.value(), trace.ops.size())) return Error{*problem};
        trace.ops.push_back(op.value());
    }

    if (header_read < kHeaderLines) {
        const std::string what = line_number == 0   ? "the file is empty"
                                 : header_read == 0 ? "the file has only blank lines"
                                                    : "the file ends inside the header";
        return Error{at_line(line_number + 1, what + ": expected " + std::string(kHeaderFields[header_read]))};
    }
    if (trace.ops.size() != header[kOpsField]) {
        return Error{at_line(ops_line, "the header declares " + std::to_string(header[kOpsField]) +
                                           " operations but the file has " + std::to_string(trace.ops.size()))};
    }
    return trace;
}

std::optional<std::string> check_trace(const Trace& trace) {
    OpChecker checker(trace.id_count);
    for (std::size_t i = 0; i < trace.ops.size(); ++i) {
        if (auto problem = checker.check(trace.ops[i], i)) return problem;
    }
    return std::nullopt;
}

std::string to_rep(const TraceOp& op) {
    switch (op.kind) {
        case TraceOpKind::Malloc: return "a " + std::to_string(op.id) + " " + std::to_string(op.bytes);
        case TraceOpKind::Realloc: return "r " + std::to_string(op.id) + " " + std::to_string(op.bytes);
        case TraceOpKind::Free: return "f " + std::to_string(op.id);
    }
    return "?";
}

std::string to_rep(const Trace& trace) {
    std::string text = std::to_string(trace.suggested_heap_bytes) + "\n" + std::to_string(trace.id_count) + "\n" +
                       std::to_string(trace.ops.size()) + "\n" + std::to_string(trace.weight) + "\n";
    for (const TraceOp& op : trace.ops) {
        text += to_rep(op);
        text += '\n';
    }
    return text;
}

std::string where(const TraceOp& op, std::size_t index) { return where_text(op.line, index); }

DenseIds dense_ids(const Trace& trace) {
    DenseIds dense;
    dense.of_op.reserve(trace.ops.size());
    std::unordered_map<std::uint64_t, std::size_t> number_of;
    for (const TraceOp& op : trace.ops) {
        auto [it, added] = number_of.try_emplace(op.id, dense.count);
        if (added) ++dense.count;
        dense.of_op.push_back(it->second);
    }
    return dense;
}

void fill_pattern(std::span<std::uint8_t> out, std::uint64_t id, std::uint64_t first_offset) {
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = pattern_byte(id, first_offset + i);
}

}  // namespace memviz::alloc
