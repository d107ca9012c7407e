// Cutting C source into preprocessing tokens (C99 6.4). One pass over the text after line
// splices are removed; each token's location is computed from its offset by a cursor that only
// moves forward, so locations cost O(text) in total. Literal values are decoded separately
// (lexer_literals.cpp), because the preprocessor must be able to carry `@` or `09` through
// `#if 0` or `#x` without complaint.
#include "lang/lexer.h"

#include <algorithm>
#include <array>
#include <string>

namespace memviz::lang {
namespace {

// `source` without its line splices (backslash-newline) and without the "\r" of "\r\n" line
// ends, plus where the splices stood, so locations can still name the text as written.
struct CleanText {
    std::string text;
    std::vector<std::size_t> splices;  // offsets into `text`, ascending: a splice stood before each
};

CleanText clean(std::string_view source) {
    CleanText out;
    out.text.reserve(source.size());
    const std::size_t size = source.size();
    for (std::size_t i = 0; i < size; ++i) {
        const char c = source[i];
        if (c == '\\') {
            std::size_t next = i + 1;
            if (next + 1 < size && source[next] == '\r' && source[next + 1] == '\n') ++next;
            if (next < size && source[next] == '\n') {
                out.splices.push_back(out.text.size());
                i = next;
                continue;
            }
        }
        if (c == '\r' && i + 1 < size && source[i + 1] == '\n') continue;
        out.text += c;
    }
    return out;
}

// Turns offsets into the clean text into 1-based line/column of the text as written.
// Invariant: queries come in non-decreasing offset order.
class Locator {
public:
    explicit Locator(const CleanText& clean) : m_clean(clean) {}

    SourceLoc at(std::size_t offset) {
        while (m_offset < offset) {
            pass_splices();
            if (m_clean.text[m_offset] == '\n') {
                ++m_line;
                m_column = 1;
            } else {
                ++m_column;
            }
            ++m_offset;
        }
        pass_splices();
        return {m_line, m_column};
    }

private:
    // A removed backslash-newline before the character at m_offset moves it to the next line.
    void pass_splices() {
        while (m_next_splice < m_clean.splices.size() && m_clean.splices[m_next_splice] == m_offset) {
            ++m_line;
            m_column = 1;
            ++m_next_splice;
        }
    }

    const CleanText& m_clean;
    std::size_t m_offset = 0;
    std::size_t m_next_splice = 0;
    std::uint32_t m_line = 1;
    std::uint32_t m_column = 1;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

constexpr std::array<std::string_view, 3> kPunctuators3 = {"...", "<<=", ">>="};
constexpr std::array<std::string_view, 20> kPunctuators2 = {
    "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&",
    "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##"};
constexpr std::string_view kPunctuators1 = "[](){}.&*+-~!/%<>^|?:;=,#";

// Length of the longest punctuator at the start of `rest`, or 0.
std::size_t punctuator_length(std::string_view rest) {
    for (std::string_view p : kPunctuators3)
        if (rest.starts_with(p)) return 3;
    for (std::string_view p : kPunctuators2)
        if (rest.starts_with(p)) return 2;
    return kPunctuators1.find(rest.front()) != std::string_view::npos ? 1 : 0;
}

// A character that cannot start any token: one byte, or one whole UTF-8 sequence so that a
// pasted curly quote is reported once, as itself.
std::size_t stray_length(std::string_view rest) {
    const auto lead = static_cast<unsigned char>(rest.front());
    std::size_t length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 1;
    if (lead < 0x80 || length > rest.size()) return 1;
    for (std::size_t i = 1; i < length; ++i)
        if ((static_cast<unsigned char>(rest[i]) & 0xc0) != 0x80) return 1;
    return length;
}

// A pp-number (C99 6.4.8): a digit or .digit, then digits, letters, '_', '.', and e+ e- p+ p-.
std::size_t scan_number(std::string_view text, std::size_t i) {
    ++i;
    while (i < text.size()) {
        const char c = text[i];
        const char prev = text[i - 1];
        if ((c == '+' || c == '-') && (prev == 'e' || prev == 'E' || prev == 'p' || prev == 'P')) {
            ++i;
        } else if (is_ident_char(c) || c == '.') {
            ++i;
        } else {
            break;
        }
    }
    return i;
}

// Integer or Floating, by form: a '.' or an exponent (p for hex, e otherwise) makes a float.
TokenKind number_kind(std::string_view number) {
    const bool hex = number.size() > 1 && number[0] == '0' && (number[1] == 'x' || number[1] == 'X');
    if (number.find('.') != std::string_view::npos) return TokenKind::Floating;
    const std::string_view exponent = hex ? "pP" : "eE";
    return number.find_first_of(exponent) != std::string_view::npos ? TokenKind::Floating
                                                                      : TokenKind::Integer;
}

// From an opening quote to just past its closing quote, or to the end of the line if there is
// none (decode_literal then reports the literal as unterminated).
std::size_t scan_quoted(std::string_view text, std::size_t i) {
    const char quote = text[i++];
    while (i < text.size()) {
        const char c = text[i];
        if (c == quote) return i + 1;
        if (c == '\n') return i;
        i += (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') ? 2u : 1u;
    }
    return i;
}

}  // namespace

bool is_punctuator(std::string_view spelling) {
    if (spelling.empty()) return false;
    for (std::string_view p : kPunctuators3)
        if (spelling == p) return true;
    for (std::string_view p : kPunctuators2)
        if (spelling == p) return true;
    return spelling.size() == 1 && kPunctuators1.find(spelling.front()) != std::string_view::npos;
}

bool is_keyword(std::string_view spelling) {
    static constexpr std::array<std::string_view, 41> kKeywords = {
        "auto",     "break",    "case",     "char",          "const",     "continue", "default",
        "do",       "double",   "else",     "enum",          "extern",    "float",    "for",
        "goto",     "if",       "inline",   "int",           "long",      "register", "restrict",
        "return",   "short",    "signed",   "sizeof",        "static",    "struct",   "switch",
        "typedef",  "union",    "unsigned", "void",          "volatile",  "while",    "_Bool",
        "_Complex", "_Imaginary", "_Alignof", "_Alignas", "_Static_assert", "_Noreturn"};
    return std::find(kKeywords.begin(), kKeywords.end(), spelling) != kKeywords.end();
}

std::vector<Token> cut_tokens(std::string_view source, std::uint16_t file, Diagnostics& diagnostics) {
    std::vector<Token> tokens;
    if (source.size() > kMaxSourceBytes) {
        diagnostics.error({1, 1}, "the program is too large (" + std::to_string(source.size()) +
                                      " bytes; memviz accepts at most 4 MiB)");
        Token end;
        end.loc = {1, 1};
        end.file = file;
        tokens.push_back(std::move(end));
        return tokens;
    }
    const CleanText clean_text = clean(source);
    const std::string_view text = clean_text.text;
    tokens.reserve(text.size() / 4 + 16);  // C averages a token per 4-6 bytes: one allocation
    Locator locator(clean_text);

    bool line_start = true;
    bool space = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') {
            line_start = true;
            space = true;
            ++i;
            continue;
        }
        if (is_space(c)) {
            space = true;
            ++i;
            continue;
        }
        const std::string_view rest = text.substr(i);
        if (rest.starts_with("//")) {
            i = std::min(text.find('\n', i), text.size());
            space = true;
            continue;
        }
        if (rest.starts_with("/*")) {
            const std::size_t end = text.find("*/", i + 2);
            if (end == std::string_view::npos) {
                diagnostics.error(locator.at(i), "unterminated comment");
                i = text.size();
                break;
            }
            i = end + 2;
            space = true;
            continue;
        }

        const std::size_t start = i;
        Token token;
        if (is_digit(c) || (c == '.' && rest.size() > 1 && is_digit(rest[1]))) {
            i = scan_number(text, i);
            token.kind = number_kind(text.substr(start, i - start));
        } else if (is_ident_start(c)) {
            while (i < text.size() && is_ident_char(text[i])) ++i;
            token.kind = TokenKind::Identifier;
            // L'x' and L"x" are one (wide) literal, which decode_literal refuses.
            if (i - start == 1 && c == 'L' && i < text.size() && (text[i] == '\'' || text[i] == '"')) {
                token.kind = text[i] == '"' ? TokenKind::String : TokenKind::Character;
                i = scan_quoted(text, i);
            }
        } else if (c == '\'' || c == '"') {
            token.kind = c == '"' ? TokenKind::String : TokenKind::Character;
            i = scan_quoted(text, i);
        } else if (const std::size_t length = punctuator_length(rest); length > 0) {
            token.kind = TokenKind::Punctuator;
            i += length;
        } else {
            token.kind = TokenKind::Punctuator;  // not a real one: decode_literal reports it as stray
            i += stray_length(rest);
        }

        token.loc = locator.at(start);
        token.text = std::string(text.substr(start, i - start));
        token.file = file;
        token.at_line_start = line_start;
        token.space_before = space;
        line_start = false;
        space = false;
        if (token.kind == TokenKind::Identifier && token.text.size() > kMaxIdentifierLength) {
            diagnostics.error(token.loc, "identifier is too long (" + std::to_string(token.text.size()) +
                                             " characters; memviz accepts at most " +
                                             std::to_string(kMaxIdentifierLength) + ")");
            token.text.resize(kMaxIdentifierLength);
        }
        tokens.push_back(std::move(token));
        if (tokens.size() >= kMaxTokensPerFile) {
            diagnostics.error(tokens.back().loc, "the program has too many tokens (memviz accepts at most " +
                                                     std::to_string(kMaxTokensPerFile) + ")");
            i = text.size();
        }
    }

    Token end;
    end.loc = locator.at(i);
    end.file = file;
    end.at_line_start = true;
    end.space_before = space;
    tokens.push_back(std::move(end));
    return tokens;
}

std::vector<Token> tokenize(std::string_view source, std::uint16_t file, Diagnostics& diagnostics) {
    std::vector<Token> tokens = cut_tokens(source, file, diagnostics);
    for (Token& token : tokens) {
        if (diagnostics.full()) break;
        decode_literal(token, diagnostics);
    }
    return tokens;
}

}  // namespace memviz::lang
