// Decoding literal spellings into values (C99 6.4.4, 6.4.5): integer digits and suffixes,
// floating constants, escape sequences, and the stray-character check. Every diagnostic is
// reported at the literal's location (after macro expansion that is the macro's use, where an
// offset into the spelling would mean nothing).
#include "lang/lexer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace memviz::lang {
namespace {

constexpr std::uint64_t kU64Max = std::numeric_limits<std::uint64_t>::max();

// 0-9 for digits, 10-35 for letters, -1 for anything else.
int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return -1;
}

// How a byte is shown inside quotes in a message: itself if printable, else as an octal escape
// (gcc's form). Multi-byte UTF-8 is shown as is, so a pasted curly quote reads as one.
std::string show_bytes(std::string_view bytes) {
    const bool utf8 = bytes.size() > 1;
    std::string out;
    for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (utf8 || (byte >= 0x20 && byte < 0x7f)) {
            out += c;
        } else {
            out += '\\';
            out += static_cast<char>('0' + ((byte >> 6) & 7));
            out += static_cast<char>('0' + ((byte >> 3) & 7));
            out += static_cast<char>('0' + (byte & 7));
        }
    }
    return out;
}

// The integer suffixes of C99 6.4.4.1: u, l, ll in either order of u, any case for u, and both
// l's of ll in the same case.
bool parse_integer_suffix(std::string_view suffix, bool& is_unsigned, std::uint8_t& longs) {
    auto take_u = [&] {
        if (!is_unsigned && !suffix.empty() && (suffix[0] == 'u' || suffix[0] == 'U')) {
            is_unsigned = true;
            suffix.remove_prefix(1);
        }
    };
    take_u();
    if (suffix.starts_with("ll") || suffix.starts_with("LL")) {
        longs = 2;
        suffix.remove_prefix(2);
    } else if (!suffix.empty() && (suffix[0] == 'l' || suffix[0] == 'L')) {
        longs = 1;
        suffix.remove_prefix(1);
    }
    take_u();
    return suffix.empty();
}

bool decode_integer(Token& token, Diagnostics& diagnostics) {
    const std::string_view text = token.text;
    unsigned base = 10;
    std::size_t i = 0;
    if (text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        i = 2;
    } else if (text.size() > 2 && text[0] == '0' && (text[1] == 'b' || text[1] == 'B') &&
               (text[2] == '0' || text[2] == '1')) {
        diagnostics.error(token.loc, "binary constants like '" + token.text + "' are not part of C99");
        return false;
    } else if (text[0] == '0') {
        base = 8;
    }
    const std::size_t digits_start = i;
    std::uint64_t value = 0;
    bool overflow = false;
    for (; i < text.size(); ++i) {
        const int digit = digit_value(text[i]);
        // Octal constants scan 8 and 9 too, to name them in the error.
        if (digit < 0 || static_cast<unsigned>(digit) >= (base == 8 ? 10u : base)) break;
        const auto d = static_cast<std::uint64_t>(digit);
        if (base == 8 && d >= 8) {
            diagnostics.error(token.loc, "invalid digit '" + std::string(1, text[i]) + "' in octal constant");
            return false;
        }
        if (value > (kU64Max - d) / base) overflow = true;
        value = value * base + d;
    }
    if (base == 16 && i == digits_start) {
        diagnostics.error(token.loc, "hexadecimal constant '" + token.text + "' has no digits after '0x'");
        return false;
    }
    const std::string_view suffix = text.substr(i);
    if (!parse_integer_suffix(suffix, token.is_unsigned, token.longs)) {
        diagnostics.error(token.loc, "invalid suffix '" + std::string(suffix) + "' on integer constant");
        return false;
    }
    token.integer = value;
    if (overflow) {
        diagnostics.error(token.loc, "integer constant is too large for its type");
        return false;
    }
    if (base == 10 && !token.is_unsigned && value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        diagnostics.warning(token.loc, "integer constant is so large that it is unsigned");
    return true;
}

bool decode_floating(Token& token, Diagnostics& diagnostics) {
    std::string body = token.text;
    const char last = body.back();
    if (last == 'f' || last == 'F') {
        token.is_float = true;
        body.pop_back();
    } else if (last == 'l' || last == 'L') {
        token.longs = 1;
        body.pop_back();
    }
    const bool hex = body.size() > 1 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X');
    if (hex && body.find_first_of("pP") == std::string::npos) {
        diagnostics.error(token.loc, "hexadecimal floating constant '" + token.text + "' requires an exponent ('p')");
        return false;
    }
    // strtod reads both forms; memviz never changes the C locale, so '.' is the decimal point.
    char* end = nullptr;
    const double value = token.is_float ? static_cast<double>(std::strtof(body.c_str(), &end))
                                        : std::strtod(body.c_str(), &end);
    const auto consumed = static_cast<std::size_t>(end - body.c_str());
    if (consumed != body.size()) {
        const std::string rest = token.text.substr(consumed);
        const char first = rest.front();
        if (first == 'e' || first == 'E' || first == 'p' || first == 'P')
            diagnostics.error(token.loc, "exponent has no digits in '" + token.text + "'");
        else
            diagnostics.error(token.loc, "invalid suffix '" + rest + "' on floating constant");
        return false;
    }
    token.floating = value;
    if (std::isinf(value))
        diagnostics.warning(token.loc, std::string("floating constant exceeds range of '") +
                                           (token.is_float ? "float" : "double") + "'");
    return true;
}

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xc0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xe0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code & 0x3f));
    }
}

enum class Quoted : std::uint8_t { Ok, Unterminated, Error };

// Decodes the bytes between the quotes of a character constant or string literal, escape by
// escape (C99 6.4.4.4). The text starts at its opening quote (after any L prefix).
Quoted decode_quoted(const Token& token, std::string_view text, std::string& bytes, Diagnostics& diagnostics) {
    const char quote = text[0];
    Quoted result = Quoted::Ok;
    std::size_t i = 1;
    while (i < text.size()) {
        const char c = text[i];
        if (c == quote) return result;  // the cutter ends a literal at its closing quote
        if (c != '\\') {
            bytes += c;
            ++i;
            continue;
        }
        if (++i >= text.size()) break;
        const char e = text[i++];
        switch (e) {
            case 'n': bytes += '\n'; break;
            case 't': bytes += '\t'; break;
            case 'r': bytes += '\r'; break;
            case 'a': bytes += '\a'; break;
            case 'b': bytes += '\b'; break;
            case 'f': bytes += '\f'; break;
            case 'v': bytes += '\v'; break;
            case '\\': case '\'': case '"': case '?': bytes += e; break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                unsigned value = static_cast<unsigned>(e - '0');
                for (int n = 1; n < 3 && i < text.size() && text[i] >= '0' && text[i] <= '7'; ++n)
                    value = value * 8 + static_cast<unsigned>(text[i++] - '0');
                if (value > 0xff) {
                    diagnostics.error(token.loc, "octal escape sequence out of range");
                    result = Quoted::Error;
                }
                bytes += static_cast<char>(value & 0xff);
                break;
            }
            case 'x': {
                std::uint64_t value = 0;
                std::size_t digits = 0;
                for (; i < text.size() && digit_value(text[i]) >= 0 && digit_value(text[i]) < 16; ++i, ++digits)
                    value = std::min<std::uint64_t>(value * 16 + static_cast<std::uint64_t>(digit_value(text[i])), 0x1000);
                if (digits == 0) {
                    diagnostics.error(token.loc, "\\x used with no following hex digits");
                    result = Quoted::Error;
                } else if (value > 0xff) {
                    diagnostics.error(token.loc, "hex escape sequence out of range");
                    result = Quoted::Error;
                }
                bytes += static_cast<char>(value & 0xff);
                break;
            }
            case 'u': case 'U': {
                const std::size_t wanted = e == 'u' ? 4 : 8;
                std::uint32_t code = 0;
                std::size_t digits = 0;
                for (; digits < wanted && i < text.size() && digit_value(text[i]) >= 0 && digit_value(text[i]) < 16; ++i, ++digits)
                    code = code * 16 + static_cast<std::uint32_t>(digit_value(text[i]));
                if (digits < wanted || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
                    diagnostics.error(token.loc, "invalid universal character name '\\" + std::string(1, e) + "'");
                    result = Quoted::Error;
                    break;
                }
                append_utf8(bytes, code);  // as gcc does with a UTF-8 execution character set
                break;
            }
            default:
                // Like gcc: a warning, and the character stands for itself.
                diagnostics.warning(token.loc, "unknown escape sequence '\\" + show_bytes(std::string_view(&e, 1)) + "'");
                bytes += e;
                break;
        }
    }
    return Quoted::Unterminated;
}

bool decode_character(Token& token, Diagnostics& diagnostics) {
    if (token.text[0] == 'L') {
        diagnostics.error(token.loc, "wide character constants (L'x') are not supported by memviz");
        return false;
    }
    std::string bytes;
    const Quoted quoted = decode_quoted(token, token.text, bytes, diagnostics);
    if (quoted == Quoted::Unterminated) {
        diagnostics.error(token.loc, "unterminated character constant (missing closing ')");
        return false;
    }
    if (bytes.empty()) {
        diagnostics.error(token.loc, "empty character constant");
        return false;
    }
    // Plain char is signed (x86), so one byte is sign-extended; a multi-character constant packs
    // its last four bytes into an int, most significant first, as gcc does.
    std::int32_t value = static_cast<signed char>(bytes.back());
    if (bytes.size() > 1) {
        diagnostics.warning(token.loc, bytes.size() > 4 ? "character constant too long for its type"
                                                        : "multi-character character constant");
        std::uint32_t packed = 0;
        for (char c : bytes) packed = (packed << 8) | static_cast<unsigned char>(c);
        value = static_cast<std::int32_t>(packed);
    }
    token.integer = static_cast<std::uint64_t>(static_cast<std::int64_t>(value));
    token.is_unsigned = false;
    token.longs = 0;
    return quoted == Quoted::Ok;
}

bool decode_string(Token& token, Diagnostics& diagnostics) {
    if (token.text[0] == 'L') {
        diagnostics.error(token.loc, "wide string literals (L\"...\") are not supported by memviz");
        return false;
    }
    token.bytes.clear();
    const Quoted quoted = decode_quoted(token, token.text, token.bytes, diagnostics);
    if (quoted == Quoted::Unterminated) {
        diagnostics.error(token.loc, "unterminated string literal (missing closing \")");
        return false;
    }
    return quoted == Quoted::Ok;
}

}  // namespace

bool decode_literal(Token& token, Diagnostics& diagnostics) {
    switch (token.kind) {
        case TokenKind::Integer: return decode_integer(token, diagnostics);
        case TokenKind::Floating: return decode_floating(token, diagnostics);
        case TokenKind::Character: return decode_character(token, diagnostics);
        case TokenKind::String: return decode_string(token, diagnostics);
        case TokenKind::Punctuator:
            if (is_punctuator(token.text)) return true;
            diagnostics.error(token.loc, "stray '" + show_bytes(token.text) + "' in program");
            return false;
        case TokenKind::Identifier:
        case TokenKind::EndOfFile: return true;
    }
    return true;
}

IntegerType literal_type(const Token& token, unsigned long_bytes) {
    if (token.kind == TokenKind::Character) return {};
    const bool decimal = token.text[0] != '0';
    auto bits = [&](unsigned longs) -> unsigned { return longs == 0 ? 32 : longs == 1 ? long_bytes * 8 : 64; };
    auto max_unsigned = [&](unsigned longs) { return bits(longs) == 64 ? kU64Max : (std::uint64_t{1} << bits(longs)) - 1; };
    auto max_signed = [&](unsigned longs) { return max_unsigned(longs) >> 1; };
    for (unsigned longs = token.longs; longs <= 2; ++longs) {
        const auto rank = static_cast<std::uint8_t>(longs);
        if (!token.is_unsigned && token.integer <= max_signed(longs)) return {false, rank};
        if ((token.is_unsigned || !decimal) && token.integer <= max_unsigned(longs)) return {true, rank};
    }
    return {true, 2};  // a decimal constant too big for long long: gcc makes it unsigned too
}

}  // namespace memviz::lang
