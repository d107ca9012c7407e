#include "widgets/c_highlight.h"

#include <algorithm>
#include <array>

#include "lang/token.h"

namespace memviz::web {
namespace {

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

bool is_type_word(std::string_view word) {
    static constexpr std::array<std::string_view, 17> kTypes = {
        "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned", "_Bool",
        "struct", "union", "enum", "const", "static", "size_t", "FILE"};
    for (std::string_view type : kTypes) {
        if (word == type) return true;
    }
    return false;
}

}  // namespace

std::vector<std::vector<Span>> highlight_c(std::string_view source) {
    std::vector<std::vector<Span>> lines(1);
    bool in_block_comment = false;  // carried across lines
    std::size_t line_start = 0;
    auto add = [&](std::size_t first, std::size_t end, SpanKind kind) {
        if (end > first) {
            lines.back().push_back({static_cast<std::uint32_t>(first - line_start),
                                    static_cast<std::uint32_t>(end - line_start), kind});
        }
    };
    std::size_t at = 0;
    while (at <= source.size()) {
        const std::size_t line_end = std::min(source.find('\n', at), source.size());
        line_start = at;
        std::size_t i = at;
        // A preprocessor line is one colour up to a comment.
        std::size_t first_char = i;
        while (first_char < line_end && (source[first_char] == ' ' || source[first_char] == '\t')) ++first_char;
        const bool directive = !in_block_comment && first_char < line_end && source[first_char] == '#';
        while (i < line_end) {
            const char c = source[i];
            std::size_t end = i + 1;
            SpanKind kind = SpanKind::Plain;
            if (in_block_comment) {
                const std::size_t close = source.find("*/", i);
                end = close == std::string_view::npos || close >= line_end ? line_end : close + 2;
                in_block_comment = close == std::string_view::npos || close >= line_end;
                kind = SpanKind::Comment;
            } else if (source.substr(i, 2) == "//") {
                end = line_end;
                kind = SpanKind::Comment;
            } else if (source.substr(i, 2) == "/*") {
                const std::size_t close = source.find("*/", i + 2);
                end = close == std::string_view::npos || close >= line_end ? line_end : close + 2;
                in_block_comment = close == std::string_view::npos || close >= line_end;
                kind = SpanKind::Comment;
            } else if (directive) {
                end = i + 1;
                while (end < line_end && source.substr(end, 2) != "//" && source.substr(end, 2) != "/*") ++end;
                kind = SpanKind::Preprocessor;
            } else if (c == '"' || c == '\'') {
                while (end < line_end && source[end] != c) end += source[end] == '\\' ? 2 : 1;
                end = std::min(end + 1, line_end);
                kind = SpanKind::String;
            } else if (c >= '0' && c <= '9') {
                while (end < line_end && (ident_char(source[end]) || source[end] == '.')) ++end;
                kind = SpanKind::Number;
            } else if (ident_start(c)) {
                while (end < line_end && ident_char(source[end])) ++end;
                const std::string_view word = source.substr(i, end - i);
                if (is_type_word(word)) kind = SpanKind::Type;
                else if (lang::is_keyword(word)) kind = SpanKind::Keyword;
            } else {
                while (end < line_end && !ident_char(source[end]) && source[end] != '"' && source[end] != '\'' &&
                       source.substr(end, 2) != "//" && source.substr(end, 2) != "/*") {
                    ++end;
                }
            }
            add(i, end, kind);
            i = end;
        }
        if (line_end >= source.size()) break;
        at = line_end + 1;
        lines.emplace_back();
    }
    return lines;
}

}  // namespace memviz::web
