// A line-by-line reader: a fence line opens or closes a code block, a `#` line is a heading, a
// `- ` or `* ` line starts a bullet, a blank line ends a paragraph or bullet, and any other line
// starts a paragraph or continues the open paragraph or bullet.
#include "markdown.h"

#include <map>

namespace memviz::web {
namespace {

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

std::string_view trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const std::size_t last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

std::size_t indent_of(std::string_view line) {
    const std::size_t first = line.find_first_not_of(' ');
    return first == std::string_view::npos ? line.size() : first;
}

bool is_fence(std::string_view line) { return trim(line).starts_with("```"); }

// `#` to `######` and a space: the level, else 0.
int heading_level(std::string_view line) {
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes == 0 || hashes > 6 || hashes >= line.size() || line[hashes] != ' ') return 0;
    return static_cast<int>(hashes);
}

// "- item" or "* item", indented any amount: the text after the marker, else npos.
std::size_t bullet_text_start(std::string_view line) {
    const std::size_t indent = indent_of(line);
    if (indent + 1 >= line.size()) return std::string_view::npos;
    if ((line[indent] == '-' || line[indent] == '*') && line[indent + 1] == ' ') return indent + 2;
    return std::string_view::npos;
}

void append_words(std::string& text, std::string_view more) {
    if (!text.empty()) text += ' ';
    text += trim(more);
}

}  // namespace

std::string markdown_plain_text(std::string_view text) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        const char c = text[at];
        if (c == '\\' && at + 1 < text.size()) {  // an escaped character stands for itself
            out += text[at + 1];
            at += 2;
        } else if (c == '`') {
            // A code span, its text verbatim: as many backticks close it as opened it.
            std::size_t ticks = 0;
            while (at + ticks < text.size() && text[at + ticks] == '`') ++ticks;
            const std::size_t close = text.find(std::string(ticks, '`'), at + ticks);
            if (close == std::string_view::npos) {
                out.append(text.substr(at, ticks));
                at += ticks;
            } else {
                out.append(trim(text.substr(at + ticks, close - at - ticks)));
                at = close + ticks;
            }
        } else if (text.substr(at).starts_with("**") || text.substr(at).starts_with("__")) {
            at += 2;  // strong emphasis: the words alone
        } else if (c == '[' || (c == '!' && at + 1 < text.size() && text[at + 1] == '[')) {
            // [text](url) and ![alt](url): the text.
            const std::size_t open = c == '!' ? at + 1 : at;
            const std::size_t close = text.find("](", open);
            const std::size_t end = close == std::string_view::npos ? close : text.find(')', close);
            if (end == std::string_view::npos) {
                out += c;
                ++at;
            } else {
                out += markdown_plain_text(text.substr(open + 1, close - open - 1));
                at = end + 1;
            }
        } else {
            out += c;
            ++at;
        }
    }
    return out;
}

std::string heading_anchor(std::string_view heading) {
    std::string anchor;
    for (const char c : trim(heading)) {
        const auto byte = static_cast<unsigned char>(c);
        if (c >= 'A' && c <= 'Z') anchor += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || byte >= 0x80) anchor += c;
        else if (c == ' ') anchor += '-';
    }
    return anchor;
}

std::vector<MarkdownBlock> parse_markdown(std::string_view text) {
    std::vector<MarkdownBlock> blocks;
    std::map<std::string, int> anchors_seen;  // GitHub numbers repeated anchors: "x", "x-1", "x-2"
    bool in_code = false;
    std::size_t code_lines = 0;  // of the open code block
    bool open = false;  // the last block is a paragraph or bullet that the next line may continue
    std::string raw;    // that block's text with its markup, made plain when it closes
    auto close = [&] {
        if (open) blocks.back().text = markdown_plain_text(raw);
        open = false;
        raw.clear();
    };
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(at, end - at);
        if (line.ends_with('\r')) line.remove_suffix(1);
        at = end + 1;

        if (in_code) {
            if (is_fence(line)) {
                in_code = false;
            } else {
                std::string& code = blocks.back().text;
                if (code_lines++ > 0) code += '\n';
                code += line;
            }
            continue;
        }
        if (is_fence(line)) {
            close();
            MarkdownBlock code;
            code.kind = MarkdownBlock::Kind::Code;
            code.language = trim(trim(line).substr(3));
            blocks.push_back(std::move(code));
            in_code = true;
            code_lines = 0;
            continue;
        }
        if (is_blank(line)) {
            close();
            continue;
        }
        if (const int level = heading_level(line); level > 0) {
            close();
            MarkdownBlock heading;
            heading.kind = MarkdownBlock::Kind::Heading;
            heading.level = level;
            heading.text = markdown_plain_text(trim(line.substr(static_cast<std::size_t>(level))));
            heading.anchor = heading_anchor(heading.text);
            const int seen = anchors_seen[heading.anchor]++;
            if (seen > 0) heading.anchor.append("-").append(std::to_string(seen));
            blocks.push_back(std::move(heading));
            continue;
        }
        if (const std::size_t start = bullet_text_start(line); start != std::string_view::npos) {
            close();
            MarkdownBlock bullet;
            bullet.kind = MarkdownBlock::Kind::Bullet;
            bullet.level = static_cast<int>(indent_of(line) / 2);
            blocks.push_back(std::move(bullet));
            raw = line.substr(start);
            open = true;
            continue;
        }
        if (open) {
            append_words(raw, line);
            continue;
        }
        blocks.push_back(MarkdownBlock{});
        raw = trim(line);
        open = true;
    }
    close();
    return blocks;
}

std::span<const MarkdownBlock> markdown_section(std::span<const MarkdownBlock> blocks, std::string_view anchor) {
    for (std::size_t first = 0; first < blocks.size(); ++first) {
        const MarkdownBlock& heading = blocks[first];
        if (heading.kind != MarkdownBlock::Kind::Heading || heading.anchor != anchor) continue;
        std::size_t end = first + 1;
        while (end < blocks.size() &&
               !(blocks[end].kind == MarkdownBlock::Kind::Heading && blocks[end].level <= heading.level)) {
            ++end;
        }
        return blocks.subspan(first, end - first);
    }
    return {};
}

}  // namespace memviz::web
