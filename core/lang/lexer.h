// The lexer: cuts C99 source into tokens (token.h). It works in two layers, because the
// preprocessor must be able to skip `#if 0` text and stringize `@` without diagnosing them:
//
//   cut_tokens      source -> preprocessing tokens. Literal values are not decoded yet and a stray
//                   `@` is just a one-character Punctuator; the only diagnostics are the ones that
//                   stop cutting (an unterminated comment, the limits below).
//   decode_literal  one token -> its value (integer, floating, bytes), with every diagnostic about
//                   its spelling: bad digits and suffixes, overflow, escapes, unterminated quotes,
//                   stray characters.
//   tokenize        cut_tokens, then decode_literal on every token: for a caller with no
//                   preprocessor (the preprocessor decodes only the tokens it outputs).
//
// Line splices (backslash-newline) and "\r\n" line ends are removed before cutting; locations
// still point into the text as written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lang/token.h"
#include "support/diagnostics.h"

namespace memviz::lang {

// Hostile or accidental input (a pasted binary, a generated file) gets a diagnostic, not a
// crash or a machine's worth of memory.
inline constexpr std::size_t kMaxSourceBytes = 4u << 20;       // 4 MiB
inline constexpr std::size_t kMaxIdentifierLength = 1024;      // longer ones are cut to this
inline constexpr std::size_t kMaxTokensPerFile = 1'000'000;

// Preprocessing tokens of `source`, ending with one EndOfFile token (located just past the
// text). Integer/Floating/Character/String tokens have only `text` set; decode_literal fills in
// their values. `file` is copied into every token.
std::vector<Token> cut_tokens(std::string_view source, std::uint16_t file, Diagnostics& diagnostics);

// Decodes the value of an Integer, Floating, Character or String token from its text and reports
// what is wrong with the spelling (at the token's location); reports a Punctuator that is not a C
// punctuator as "stray '@' in program". Identifiers and EndOfFile are left alone. Returns false
// if an error was reported (warnings, such as an unknown escape, still return true).
//
// What the fields mean afterwards (token.h lists them):
//  - Integer: `integer` is the value (wrapped to 64 bits on overflow, which is an error);
//    `is_unsigned` and `longs` say what the *suffix* asked for. The type of the constant also
//    depends on its value and the data model: see literal_type.
//  - Floating: `floating` is the value (rounded to float for an f suffix, `is_float`); an l/L
//    suffix sets `longs` to 1 (memviz computes long double as double).
//  - Character: `integer` is the int value, sign-extended to 64 bits ('\xff' is -1, as plain char
//    is signed on x86); a multi-character constant 'ab' is ('a' << 8) | 'b' with a warning.
//  - String: `bytes` holds the decoded bytes without the terminating zero.
bool decode_literal(Token& token, Diagnostics& diagnostics);

// cut_tokens then decode_literal on each token.
std::vector<Token> tokenize(std::string_view source, std::uint16_t file, Diagnostics& diagnostics);

// The C99 type of a decoded Integer token (6.4.4.1): the first of the types its suffix and form
// (decimal or octal/hex) allow that can represent its value, given sizeof(long). A Character
// constant is an int.
struct IntegerType {
    bool is_unsigned = false;
    std::uint8_t longs = 0;  // 0: int, 1: long, 2: long long
    auto operator<=>(const IntegerType&) const = default;
};
IntegerType literal_type(const Token& token, unsigned long_bytes);

// Whether `spelling` is one of C's punctuators (token.h lists them).
bool is_punctuator(std::string_view spelling);

}  // namespace memviz::lang
