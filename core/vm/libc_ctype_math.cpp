// ctype.h in the C locale and math.h. The is* functions return glibc's table bits, not 1: glibc
// answers isalpha('a') with 1024 (_ISalpha), so a program that prints the result shows the same
// here. Arguments outside unsigned char and EOF are classified as no class.
#include <cmath>

#include "vm/libc_internal.h"

namespace memviz::vm {
namespace {

// glibc's <ctype.h> bits on a little-endian machine.
constexpr std::uint64_t kUpper = 256, kLower = 512, kAlpha = 1024, kDigit = 2048, kXdigit = 4096,
                        kSpace = 8192, kPrint = 16384, kPunct = 4, kAlnum = 8;

std::uint64_t classify(Fn fn, std::int32_t c) {
    if (c < 0 || c > 127) return 0;  // EOF, and no character above 127 has a class in the C locale
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    const bool print = c >= 0x20 && c < 0x7f;
    switch (fn) {
        case Fn::Isalpha: return upper || lower ? kAlpha : 0;
        case Fn::Isdigit: return digit ? kDigit : 0;
        case Fn::Isalnum: return upper || lower || digit ? kAlnum : 0;
        case Fn::Isspace: return c == ' ' || (c >= '\t' && c <= '\r') ? kSpace : 0;
        case Fn::Isupper: return upper ? kUpper : 0;
        case Fn::Islower: return lower ? kLower : 0;
        case Fn::Isxdigit: return digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ? kXdigit : 0;
        case Fn::Ispunct: return print && c != ' ' && !upper && !lower && !digit ? kPunct : 0;
        case Fn::Isprint: return print ? kPrint : 0;
        default: return 0;
    }
}

}  // namespace

Value call_ctype_math(Call& call, Fn fn) {
    const std::int32_t c = call.int_arg(0);
    const double x = call.double_arg(0);
    const double y = call.double_arg(1);
    switch (fn) {
        case Fn::Toupper: return Call::int_slot(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        case Fn::Tolower: return Call::int_slot(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        case Fn::Sqrt:
            if (x < 0) call.set_errno(kEdom);
            return Call::double_slot(std::sqrt(x));
        case Fn::Pow: {
            const double result = std::pow(x, y);
            if (std::isfinite(x) && std::isfinite(y)) {
                if (std::isnan(result)) call.set_errno(kEdom);
                else if (std::isinf(result) || (result == 0 && x != 0)) call.set_errno(kErange);
            }
            return Call::double_slot(result);
        }
        case Fn::Fabs: return Call::double_slot(std::fabs(x));
        case Fn::Floor: return Call::double_slot(std::floor(x));
        case Fn::Ceil: return Call::double_slot(std::ceil(x));
        case Fn::Fmod:
            if (std::isinf(x) || y == 0) call.set_errno(kEdom);
            return Call::double_slot(std::fmod(x, y));
        default: return classify(fn, c);
    }
}

}  // namespace memviz::vm
