// Tokens: what the lexer cuts the source into and the preprocessor hands to the parser. Literal
// values are decoded once, here, so later stages never re-parse spellings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "support/diagnostics.h"

namespace memviz::lang {

enum class TokenKind : std::uint8_t {
    Identifier,   // also keywords: the parser tells them apart by spelling (is_keyword)
    Integer,      // 42, 0x2a, 052, 42u, 42L, 42ull, 'x' is a Character
    Floating,     // 1.5, 1e3, .5f, 0x1p3
    Character,    // 'a', '\n', '\x41'
    String,       // "text" (adjacent strings are joined by the preprocessor)
    Punctuator,   // ( ) [ ] { } . -> ++ -- & * + - ~ ! / % << >> < > <= >= == != ^ | && || ? : ;
                  // ... = *= /= %= += -= <<= >>= &= ^= |= , # ##
    EndOfFile,
};

struct Token {
    TokenKind kind = TokenKind::EndOfFile;
    std::string text;        // the spelling, as written (with quotes and suffixes)
    SourceLoc loc;           // where it is in the user's program; for tokens from a macro
                             // expansion, the location of the macro's use
    std::uint16_t file = 0;  // 0: the user's program; n > 0: built-in header n (see headers.h)
    bool at_line_start = false;
    bool space_before = false;

    // Integer and Character: the value and the type its suffix or form gives.
    std::uint64_t integer = 0;
    bool is_unsigned = false;
    std::uint8_t longs = 0;  // 0, 1 (L) or 2 (LL)
    // Floating: the value; `is_float` for an f/F suffix.
    double floating = 0.0;
    bool is_float = false;
    // String: the bytes after escapes are decoded, without the terminating zero.
    std::string bytes;

    bool is(std::string_view spelling) const {
        return (kind == TokenKind::Punctuator || kind == TokenKind::Identifier) && text == spelling;
    }
};

// Whether an identifier's spelling is a C99 keyword or one of C11's _Alignof, _Alignas,
// _Static_assert, _Noreturn (bool, true and false are macros from stdbool.h).
bool is_keyword(std::string_view spelling);

}  // namespace memviz::lang
