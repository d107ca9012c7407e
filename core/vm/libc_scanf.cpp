// scanf over the standard input given to the library up front. Conversions: d i u x o (with
// hh h l ll z t j), c, s, f e g (float; with l or L, double), %% and %*-suppression, field widths.
// Like glibc: white space in the format skips any white space in the input; every conversion but
// %c skips leading white space; the character that stops a conversion stays unread; the result
// is the number of items assigned, or EOF when the input ends before the first conversion.
#include <cstdlib>
#include <string>

#include "support/bit_cast.h"
#include "vm/libc_internal.h"

namespace memviz::vm {
namespace {

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

class Scanner {
public:
    Scanner(std::string_view input, std::size_t width) : m_input(input), m_left(width) {}
    std::size_t position() const { return m_at; }
    bool at_end() const { return m_at >= m_input.size() || m_left == 0; }
    char peek() const { return at_end() ? '\0' : m_input[m_at]; }
    void take(std::string& into) {
        into.push_back(m_input[m_at++]);
        --m_left;
    }
    bool take_if(bool wanted, std::string& into) {
        if (at_end() || !wanted) return false;
        take(into);
        return true;
    }

private:
    std::string_view m_input;
    std::size_t m_at = 0;
    std::size_t m_left;
};

// The longest prefix that reads as an integer in `base` (0: C's prefixes decide), as strtol
// would see it; "" when there is none.
std::string scan_integer(Scanner& scan, int& base) {
    std::string text;
    scan.take_if(scan.peek() == '+' || scan.peek() == '-', text);
    if ((base == 0 || base == 16) && scan.peek() == '0') {
        scan.take(text);
        if (scan.take_if(scan.peek() == 'x' || scan.peek() == 'X', text)) base = 16;
        else if (base == 0) base = 8;
        while (scan.take_if(digit_value(scan.peek()) < base, text)) {}
        return text;
    }
    if (base == 0) base = 10;
    std::size_t digits = 0;
    while (scan.take_if(digit_value(scan.peek()) < base, text)) ++digits;
    return digits == 0 ? std::string() : text;
}

std::string scan_float(Scanner& scan) {
    std::string text;
    scan.take_if(scan.peek() == '+' || scan.peek() == '-', text);
    std::size_t digits = 0;
    while (scan.take_if(digit_value(scan.peek()) < 10, text)) ++digits;
    if (scan.take_if(scan.peek() == '.', text)) {
        while (scan.take_if(digit_value(scan.peek()) < 10, text)) ++digits;
    }
    if (digits == 0) return {};
    if (scan.take_if(scan.peek() == 'e' || scan.peek() == 'E', text)) {
        scan.take_if(scan.peek() == '+' || scan.peek() == '-', text);
        while (scan.take_if(digit_value(scan.peek()) < 10, text)) {}
    }
    return text;
}

}  // namespace

Value call_scanf(Call& call) {
    auto format = call.read_string(call.pointer_arg(0));
    if (!format) return std::nullopt;
    const std::string_view input = call.library.unread_input();
    std::size_t at = 0;  // into input
    std::size_t next_arg = 1;
    std::int64_t assigned = 0;
    bool input_failure = false;

    auto skip_space = [&] { while (at < input.size() && is_space(input[at])) ++at; };
    auto assign = [&](unsigned bytes, std::uint64_t value) {
        if (next_arg >= call.args.size()) {
            call.fail(RuntimeErrorKind::Library, "scanf: the format has more conversions than there are arguments",
                      "Each % conversion in scanf's format stores into one pointer argument, in order.");
            return false;
        }
        if (!call.write_word(call.pointer_arg(next_arg++), bytes, value)) return false;
        ++assigned;
        return true;
    };

    for (std::size_t f = 0; f < format->size() && !input_failure;) {
        const char c = (*format)[f];
        if (is_space(c)) {
            skip_space();
            ++f;
            continue;
        }
        if (c != '%' || (f + 1 < format->size() && (*format)[f + 1] == '%')) {
            f += c == '%' ? 2 : 1;
            if (c == '%') skip_space();
            if (at >= input.size()) input_failure = true;
            else if (input[at] != c) break;  // a matching failure: the character stays unread
            else ++at;
            continue;
        }
        ++f;
        const bool suppress = f < format->size() && (*format)[f] == '*';
        if (suppress) ++f;
        std::size_t width = 0;
        while (f < format->size() && digit_value((*format)[f]) < 10) width = width * 10 + static_cast<std::size_t>((*format)[f++] - '0');
        unsigned int_bytes = 4;
        bool wide_float = false;
        while (f < format->size() && std::string_view("hlLqjzt").find((*format)[f]) != std::string_view::npos) {
            switch ((*format)[f++]) {
                case 'h': int_bytes = int_bytes == 2 ? 1 : 2; break;
                case 'l': int_bytes = int_bytes == call.long_bytes ? 8 : call.long_bytes; wide_float = true; break;
                case 'L': case 'q': case 'j': int_bytes = 8; wide_float = true; break;
                default: int_bytes = call.pointer_bytes; break;
            }
        }
        if (f >= format->size()) break;
        const char conversion = (*format)[f++];
        if (conversion != 'c') skip_space();
        if (at >= input.size()) {
            input_failure = true;
            break;
        }
        Scanner scan(input.substr(at), width == 0 ? std::string_view::npos : width);
        std::string text;
        bool matching_failure = false;
        switch (conversion) {
            case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
                int base = conversion == 'i' ? 0 : conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
                text = scan_integer(scan, base);
                if (text.empty()) { matching_failure = true; break; }
                const bool negative = text[0] == '-';
                std::uint64_t value = std::strtoull(text.c_str() + (negative || text[0] == '+'), nullptr, base);
                if (negative) value = 0 - value;
                at += scan.position();
                if (!suppress && !assign(int_bytes, value)) return std::nullopt;
                break;
            }
            case 'f': case 'e': case 'g': case 'E': case 'G': case 'F': case 'a': {
                text = scan_float(scan);
                if (text.empty()) { matching_failure = true; break; }
                const double value = std::strtod(text.c_str(), nullptr);
                at += scan.position();
                const std::uint64_t bits = wide_float ? memviz::bit_cast<std::uint64_t>(value)
                                                      : memviz::bit_cast<std::uint32_t>(static_cast<float>(value));
                if (!suppress && !assign(wide_float ? 8 : 4, bits)) return std::nullopt;
                break;
            }
            case 's': {
                while (scan.take_if(!is_space(scan.peek()), text)) {}
                at += scan.position();
                if (suppress) break;
                if (next_arg >= call.args.size()) return assign(1, 0) ? Value(0) : std::nullopt;  // reports the error
                if (!call.write_string(call.pointer_arg(next_arg++), text)) return std::nullopt;
                ++assigned;
                break;
            }
            case 'c': {
                const std::size_t count = width == 0 ? 1 : width;
                text = std::string(input.substr(at, count));
                at += text.size();
                if (suppress) break;
                if (next_arg >= call.args.size()) return assign(1, 0) ? Value(0) : std::nullopt;
                if (!call.write_bytes(call.pointer_arg(next_arg++), {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()})) {
                    return std::nullopt;
                }
                ++assigned;
                break;
            }
            default:
                return call.fail(RuntimeErrorKind::Library, std::string("scanf: memviz does not support the conversion %") + conversion,
                                 "scanf here reads %d %i %u %x %o %c %s %f %lf (with h, l, ll and field widths).");
        }
        if (matching_failure) break;  // the characters that did not match stay unread
    }
    call.library.consume_input(at);
    if (input_failure && assigned == 0) return static_cast<std::uint64_t>(-1);
    return Call::int_slot(assigned);
}

}  // namespace memviz::vm
