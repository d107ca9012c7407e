#include "debug_memory.h"

#include <algorithm>

#include "support/format.h"
#include "text_fit.h"

namespace memviz::shell {
namespace {

// gdb's own limits: a dump of more than this many units is refused rather than scrolled past.
constexpr std::uint64_t kMaxUnits = 1024;
constexpr std::size_t kMaxString = 200;

std::string row_label(const ValueSource& source, Addr address) {
    std::string label = hex_address(address);
    if (auto symbol = symbol_at(source.snapshot, address)) label += " <" + *symbol + ">";
    return label + ":";
}

std::string escaped(std::uint8_t byte) {
    switch (byte) {
        case '\0': return "\\0";
        case '\n': return "\\n";
        case '\t': return "\\t";
        case '\r': return "\\r";
        case '"': return "\\\"";
        case '\\': return "\\\\";
        default: break;
    }
    if (byte >= 32 && byte < 127) return std::string(1, static_cast<char>(byte));
    return "\\x" + hex_address(byte).substr(2);
}

// One unit's text, or nullopt when some byte of it cannot be read.
std::optional<std::string> unit_text(std::span<const Session::MemoryByte> bytes, char format, bool& unknown) {
    std::uint64_t value = 0;
    bool uninitialized = false;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (!bytes[i].value) return std::nullopt;
        value |= std::uint64_t{*bytes[i].value} << (8 * i);
        uninitialized = uninitialized || bytes[i].shadow == Shadow::Uninitialized;
    }
    if (uninitialized) {
        unknown = true;
        return std::string("?");
    }
    const std::size_t bits = 8 * bytes.size();
    switch (format) {
        case 'x': {
            std::string digits = hex_address(value).substr(2);
            return "0x" + std::string(2 * bytes.size() - std::min(digits.size(), 2 * bytes.size()), '0') + digits;
        }
        case 'd': {
            const unsigned shift = static_cast<unsigned>(64 - bits);
            return std::to_string(static_cast<std::int64_t>(value << shift) >> shift);
        }
        case 'c': {
            const auto c = static_cast<std::uint8_t>(value);
            return std::to_string(static_cast<std::int8_t>(c)) + " '" + escaped(c) + "'";
        }
        default: return std::to_string(value);
    }
}

Result<std::string> dump_strings(const ValueSource& source, Addr address, std::uint64_t count, std::size_t width) {
    std::string out;
    for (std::uint64_t n = 0; n < count; ++n) {
        std::string text = "\"";
        const std::vector<Session::MemoryByte> bytes = source.read(address, kMaxString + 1);
        std::size_t length = 0;
        for (; length < bytes.size(); ++length) {
            if (!bytes[length].value) {
                if (length == 0) return Error{"cannot read memory at " + hex_address(address) + ": that is " +
                                              describe_address(source.snapshot, address).description};
                break;
            }
            if (*bytes[length].value == 0) break;
            text += escaped(*bytes[length].value);
        }
        text += length > kMaxString ? "\"..." : "\"";
        out += fit(row_label(source, address) + "  " + text, width) + "\n";
        address += length + 1;
    }
    return out;
}

}  // namespace

Result<DumpFormat> parse_dump_format(std::string_view spec) {
    DumpFormat format;
    if (spec.empty()) return format;
    if (spec.front() != '/') return Error{"expected x/FMT ADDRESS, as x/4xw &n"};
    spec.remove_prefix(1);
    std::size_t digits = 0;
    while (digits < spec.size() && spec[digits] >= '0' && spec[digits] <= '9') ++digits;
    if (digits > 0) {
        format.count = std::stoull(std::string(spec.substr(0, digits)));
        if (format.count == 0 || format.count > kMaxUnits) {
            return Error{"the count must be between 1 and " + std::to_string(kMaxUnits)};
        }
    }
    for (char c : spec.substr(digits)) {
        switch (c) {
            case 'x': case 'd': case 'u': case 'c': case 's': format.format = c; break;
            case 'b': format.unit = 1; break;
            case 'h': format.unit = 2; break;
            case 'w': format.unit = 4; break;
            case 'g': format.unit = 8; break;
            default:
                return Error{std::string("`") + c + "` is neither a format (x d u c s) nor a unit (b h w g)"};
        }
    }
    if (format.format == 'c') format.unit = 1;
    return format;
}

Result<std::string> dump_memory(const ValueSource& source, Addr address, const DumpFormat& format, std::size_t width) {
    if (format.format == 's') return dump_strings(source, address, format.count, width);
    const std::vector<Session::MemoryByte> bytes = source.read(address, format.count * format.unit);
    if (bytes.empty() || !bytes.front().value) {
        return Error{"cannot read memory at " + hex_address(address) + ": that is " +
                     describe_address(source.snapshot, address).description};
    }
    // gdb's rows: 8 bytes or characters, 8 halfwords, 4 words, 2 giant words.
    const std::uint64_t per_row = format.unit == 1 || format.unit == 2 ? 8 : format.unit == 4 ? 4 : 2;
    std::vector<std::string> labels;
    std::vector<std::vector<std::string>> rows;
    bool unknown = false;
    std::optional<Addr> unreadable;
    for (std::uint64_t n = 0; n < format.count && !unreadable; ++n) {
        const Addr at = address + n * format.unit;
        const std::span<const Session::MemoryByte> unit(bytes.data() + n * format.unit, format.unit);
        auto text = unit_text(unit, format.format, unknown);
        if (!text) {
            unreadable = at;
            break;
        }
        if (n % per_row == 0) {
            labels.push_back(row_label(source, at));
            rows.emplace_back();
        }
        rows.back().push_back(std::move(*text));
    }
    std::size_t label_width = 0;
    std::size_t cell_width = 0;
    for (const std::string& label : labels) label_width = std::max(label_width, display_width(label));
    for (const auto& row : rows) {
        for (const std::string& cell : row) cell_width = std::max(cell_width, display_width(cell));
    }
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string line = pad(labels[r], label_width);
        for (const std::string& cell : rows[r]) line += "  " + std::string(cell_width - display_width(cell), ' ') + cell;
        out += fit(line, width) + "\n";
    }
    if (unreadable) {
        out += fit("cannot read past " + hex_address(*unreadable) + ": that is " +
                       describe_address(source.snapshot, *unreadable).description,
                   width) +
               "\n";
    }
    if (unknown) out += "(? = never written: uninitialized)\n";
    return out;
}

}  // namespace memviz::shell
