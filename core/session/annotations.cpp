#include "session/annotations.h"

#include <vector>

namespace memviz::session {
namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

void join(std::string& into, std::string_view text) {
    if (text.empty()) return;
    if (!into.empty()) into += ' ';
    into.append(text);
}

}  // namespace

std::map<std::uint32_t, std::string> lesson_annotations(std::string_view source) {
    std::map<std::uint32_t, std::string> out;
    std::string pending;         // whole-line annotations waiting for the next line of code
    bool in_block_comment = false;
    std::uint32_t line_number = 0;
    while (!source.empty() || line_number == 0) {
        ++line_number;
        const std::size_t end = source.find('\n');
        const std::string_view line = source.substr(0, end);
        source = end == std::string_view::npos ? std::string_view{} : source.substr(end + 1);

        // Scan the line as C's lexer would for comments and literals.
        bool has_code = false;
        std::string_view annotation;
        bool annotated = false;
        char quote = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            const char next = i + 1 < line.size() ? line[i + 1] : '\0';
            if (in_block_comment) {
                if (c == '*' && next == '/') in_block_comment = false, ++i;
            } else if (quote != 0) {
                if (c == '\\') ++i;
                else if (c == quote) quote = 0;
            } else if (c == '/' && next == '*') {
                in_block_comment = true;
                ++i;
            } else if (c == '/' && next == '/') {
                if (i + 2 < line.size() && line[i + 2] == '!') annotation = trimmed(line.substr(i + 3)), annotated = true;
                break;
            } else if (c == '"' || c == '\'') {
                quote = c;
                has_code = true;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                has_code = true;
            }
        }
        if (has_code) {
            std::string text = std::move(pending);
            pending.clear();
            if (annotated) join(text, annotation);
            if (!text.empty()) out[line_number] = std::move(text);
        } else if (annotated) {
            join(pending, annotation);
        }
        if (source.empty()) break;
    }
    return out;
}

}  // namespace memviz::session
