// printf's engine, shared by printf, fprintf, sprintf and snprintf. The format is parsed here;
// each conversion's text comes from the host's snprintf with a normalized spec, after the slot
// has been narrowed to the C type the length modifier names (under the program's data model, so
// %ld is 4 bytes under ILP32). Standard C conversions print the same in every conforming libc,
// which is why glibc's output comes out natively and under Emscripten's libc alike; %p and
// "(nil)" are glibc's own and done here.
//
//   %[flags][width][.precision][length]conversion
//   flags - + space # 0; width and precision digits or *; length hh h l ll z t j L q
#include <cstdio>
#include <string>

#include "support/bit_cast.h"
#include "vm/libc_internal.h"

namespace memviz::vm {
namespace {

// Larger widths would only make the host allocate what the output limit refuses anyway.
constexpr std::int64_t kMaxField = 1 << 24;

enum class Length : std::uint8_t { None, Char, Short, Long, LongLong, Size, Ptrdiff, Max, LongDouble };

struct Spec {
    std::string flags;
    std::optional<std::int64_t> width;
    std::optional<std::int64_t> precision;
    Length length = Length::None;
    char conversion = 0;
};

template <class T>
std::string host_format(const std::string& spec, T value) {
    const int size = std::snprintf(nullptr, 0, spec.c_str(), value);
    if (size <= 0) return {};
    std::string out(static_cast<std::size_t>(size) + 1, '\0');
    std::snprintf(out.data(), out.size(), spec.c_str(), value);
    out.resize(static_cast<std::size_t>(size));
    return out;
}

// "%-08.3" without length or conversion: what the host gets in front of its own.
std::string host_spec(const Spec& spec, bool with_precision = true) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "%" + flags.
    std::string out(1, '%');
    out += spec.flags;
    if (spec.width) out += std::to_string(*spec.width);
    if (with_precision && spec.precision) {
        out += '.';
        out += std::to_string(*spec.precision);
    }
    return out;
}

// The bytes an integer of this length has, for d i u o x X.
unsigned integer_bytes(const Call& call, Length length) {
    switch (length) {
        case Length::Char: return 1;
        case Length::Short: return 2;
        case Length::Long: return call.long_bytes;
        case Length::LongLong: case Length::Max: return 8;
        case Length::Size: case Length::Ptrdiff: return call.pointer_bytes;
        case Length::None: case Length::LongDouble: return 4;
    }
    return 4;
}

class Formatter {
public:
    Formatter(Call& call, std::size_t first) : m_call(call), m_next(first) {}

    std::optional<std::string> run(const std::string& format) {
        std::string out;
        for (std::size_t at = 0; at < format.size();) {
            if (format[at] != '%') {
                out.push_back(format[at++]);
                continue;
            }
            const std::size_t start = at++;
            Spec spec;
            if (!parse(format, at, spec)) return std::nullopt;
            if (spec.conversion == 0) {  // a lone % at the end: glibc prints it
                out += format.substr(start);
                break;
            }
            auto text = convert(spec, format.substr(start, at - start));
            if (!text) return std::nullopt;
            out += *text;
        }
        return out;
    }

private:
    std::optional<std::uint64_t> next_slot() {
        if (m_next >= m_call.args.size()) {
            m_call.fail(RuntimeErrorKind::Library,
                        std::string(m_call.function) + ": the format has more conversions than there are arguments",
                        "Each % conversion in the format prints one argument, in order. Pass one argument per "
                        "conversion (write %% to print a percent sign).");
            return std::nullopt;
        }
        return m_call.args[m_next++];
    }

    // A field width or precision: digits, or * taking an int argument.
    bool number(const std::string& format, std::size_t& at, std::optional<std::int64_t>& value) {
        if (at < format.size() && format[at] == '*') {
            ++at;
            auto slot = next_slot();
            if (!slot) return false;
            value = static_cast<std::int32_t>(*slot);
            return true;
        }
        if (at >= format.size() || format[at] < '0' || format[at] > '9') return true;
        std::int64_t n = 0;
        while (at < format.size() && format[at] >= '0' && format[at] <= '9') {
            n = std::min<std::int64_t>(n * 10 + (format[at++] - '0'), kMaxField + 1);
        }
        value = n;
        return true;
    }

    bool parse(const std::string& format, std::size_t& at, Spec& spec) {
        while (at < format.size() && std::string_view("-+ #0").find(format[at]) != std::string_view::npos) {
            if (spec.flags.find(format[at]) == std::string::npos) spec.flags.push_back(format[at]);
            ++at;
        }
        if (!number(format, at, spec.width)) return false;
        if (spec.width && *spec.width < 0) {  // a negative * width means left-justified
            spec.width = -*spec.width;
            if (spec.flags.find('-') == std::string::npos) spec.flags.push_back('-');
        }
        if (at < format.size() && format[at] == '.') {
            ++at;
            spec.precision = 0;
            if (!number(format, at, spec.precision)) return false;
            if (*spec.precision < 0) spec.precision.reset();  // a negative * precision is omitted
        }
        if ((spec.width && *spec.width > kMaxField) || (spec.precision && *spec.precision > kMaxField)) {
            m_call.fail(RuntimeErrorKind::Library, std::string(m_call.function) + ": a field width or precision is too large",
                        "memviz prints fields of at most 16 million characters.");
            return false;
        }
        auto take = [&](char c) {
            if (at < format.size() && format[at] == c) return ++at, true;
            return false;
        };
        if (take('h')) spec.length = take('h') ? Length::Char : Length::Short;
        else if (take('l')) spec.length = take('l') ? Length::LongLong : Length::Long;
        else if (take('q')) spec.length = Length::LongLong;
        else if (take('z')) spec.length = Length::Size;
        else if (take('t')) spec.length = Length::Ptrdiff;
        else if (take('j')) spec.length = Length::Max;
        else if (take('L')) spec.length = Length::LongDouble;
        if (at < format.size()) spec.conversion = format[at++];
        return true;
    }

    std::optional<std::string> convert(const Spec& spec, const std::string& text) {
        switch (spec.conversion) {
            case '%': return std::string("%");
            case 'd': case 'i': {
                auto slot = next_slot();
                if (!slot) return std::nullopt;
                const long long value = Call::sign_extend(*slot, integer_bytes(m_call, spec.length));
                return host_format(host_spec(spec) + "lld", value);
            }
            case 'u': case 'o': case 'x': case 'X': {
                auto slot = next_slot();
                if (!slot) return std::nullopt;
                const unsigned long long value = Call::truncate(*slot, integer_bytes(m_call, spec.length));
                return host_format(host_spec(spec) + "ll" + spec.conversion, value);
            }
            case 'c': {
                auto slot = next_slot();
                if (!slot) return std::nullopt;
                return host_format(host_spec(spec, false) + "c", static_cast<int>(static_cast<unsigned char>(*slot)));
            }
            case 's': {
                auto slot = next_slot();
                if (!slot) return std::nullopt;
                auto chars = m_call.read_string(Call::truncate(*slot, m_call.pointer_bytes),
                                                spec.precision ? std::optional<std::uint64_t>(*spec.precision) : std::nullopt);
                if (!chars) return std::nullopt;
                return host_format(host_spec(spec, false) + "s", chars->c_str());
            }
            case 'p': {
                auto slot = next_slot();
                if (!slot) return std::nullopt;
                const unsigned long long pointer = Call::truncate(*slot, m_call.pointer_bytes);
                if (pointer == 0) {  // glibc prints NULL as (nil), padded like a string
                    Spec nil = spec;
                    nil.precision.reset();
                    return host_format(host_spec(nil) + "s", "(nil)");
                }
                Spec hex = spec;
                if (hex.flags.find('#') == std::string::npos) hex.flags.push_back('#');
                return host_format(host_spec(hex) + "llx", pointer);
            }
            case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': {
                auto slot = next_slot();
                if (!slot) return std::nullopt;
                // long double arguments are passed as doubles, like every floating slot.
                return host_format(host_spec(spec) + spec.conversion, memviz::bit_cast<double>(*slot));
            }
            default:
                // An unknown conversion prints as written, as glibc does.
                return text;
        }
    }

    Call& m_call;
    std::size_t m_next;
};

}  // namespace

std::optional<std::string> format_text(Call& call, Addr format, std::size_t first) {
    auto text = call.read_string(format);
    if (!text) return std::nullopt;
    return Formatter(call, first).run(*text);
}

}  // namespace memviz::vm
