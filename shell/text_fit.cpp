#include "text_fit.h"

namespace memviz::shell {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

// The byte length of the first `columns` characters of `text`.
std::size_t prefix_bytes(std::string_view text, std::size_t columns) {
    std::size_t bytes = 0;
    for (std::size_t seen = 0; bytes < text.size(); ++bytes) {
        if (!continuation(text[bytes]) && seen++ == columns) break;
    }
    return bytes;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (char c : text) {
        if (!continuation(c)) ++width;
    }
    return width;
}

std::string fit(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width <= 3) return std::string(width, '.');
    return std::string(text.substr(0, prefix_bytes(text, width - 3))) + "...";
}

std::string pad(std::string_view text, std::size_t width) {
    std::string out = fit(text, width);
    out.append(width - display_width(out), ' ');
    return out;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view indent) {
    std::vector<std::string> lines;
    const std::size_t room = width > indent.size() + 1 ? width - indent.size() : 1;
    std::string line;
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && text[at] == ' ') ++at;
        std::size_t end = at;
        while (end < text.size() && text[end] != ' ') ++end;
        if (end == at) break;
        const std::string_view word = text.substr(at, end - at);
        at = end;
        if (!line.empty() && display_width(line) + 1 + display_width(word) > room) {
            lines.push_back(std::string(indent) + line);
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += fit(word, room);
    }
    if (!line.empty() || lines.empty()) lines.push_back(std::string(indent) + line);
    return lines;
}

std::string expand_tabs(std::string_view line) {
    std::string out;
    for (char c : line) {
        if (c == '\t') out.append(4 - display_width(out) % 4, ' ');
        else out += c;
    }
    return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

}  // namespace memviz::shell
