// The preprocessor (C99 6.10): runs the directives of a user program, includes memviz's built-in
// headers (headers.h), expands macros, and hands the parser one stream of decoded tokens.
//
// What comes out: every token decoded (lexer.h's decode_literal), adjacent string literals joined
// into one String token (bytes concatenated, texts joined by a space), and one EndOfFile token at
// the end. A token produced by a macro expansion carries the location and file of the macro's use
// in the program, so errors and stepping point at the line the user wrote; tokens of a header's
// own declarations keep their header's file id and are located at the program's #include line.
//
// The limits below turn hostile input (a macro that doubles itself thirty times, `#if` nested a
// million deep) into one error and a quick return, never a hang or a crash.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "lang/token.h"
#include "mem/data_model.h"
#include "support/diagnostics.h"

namespace memviz::lang {

inline constexpr std::size_t kMaxIfDepth = 256;               // open #if groups
inline constexpr std::size_t kMaxIncludeDepth = 16;           // nested #include
inline constexpr std::size_t kMaxExpansionDepth = 200;        // macro calls nested in arguments
inline constexpr std::size_t kMaxExpandedTokens = 1'000'000;  // tokens produced by all expansions

// Preprocesses `source`, the user's program (named "main.c" in __FILE__), for the data model,
// whose predefined macros (__LP64__ / __ILP32__, ...) and headers it uses. Problems go to
// `diagnostics`; the tokens are returned whatever happened, ending with one EndOfFile.
std::vector<Token> preprocess(std::string_view source, DataModel model, Diagnostics& diagnostics);

}  // namespace memviz::lang
