// Syntax colouring for the code view: cuts each line of C into spans of one kind. A scanner of
// its own rather than the compiler's lexer, because colouring needs what the lexer drops
// (comments, preprocessor lines) and must cope with text that is half typed.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace memviz::web {

enum class SpanKind : std::uint8_t { Plain, Keyword, Type, Number, String, Comment, Preprocessor };

struct Span {
    std::uint32_t first = 0;  // byte offsets into the line
    std::uint32_t end = 0;
    SpanKind kind = SpanKind::Plain;
};

// The spans of every line of `source` (lines split at '\n'), covering each line without gaps.
std::vector<std::vector<Span>> highlight_c(std::string_view source);

}  // namespace memviz::web
