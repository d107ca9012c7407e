// The small part of Markdown the Concept window draws (docs/errors.md): headings, paragraphs,
// bullet lists and fenced code blocks, with inline markup (`code`, **bold**, [links](url))
// reduced to its text. Plain C++ with no ImGui, so the unit tests check it natively: parsing
// here, drawing in views/concept_view.cpp.
//
// Headings get the anchor GitHub gives them, so a section found here is the one a link
// docs/errors.md#ANCHOR opens on GitHub-style renderers.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace memviz::web {

struct MarkdownBlock {
    enum class Kind : std::uint8_t { Heading, Paragraph, Bullet, Code };
    Kind kind = Kind::Paragraph;
    int level = 0;         // Heading: 1 for `#` to 6; Bullet: 0 at the left margin, 1 nested...
    std::string text;      // inline markup removed, lines joined by spaces; Code: the lines as written
    std::string anchor;    // Heading: "use-after-free" for "Use after free"
    std::string language;  // Code: the fence's info string ("c"), or ""
    bool operator==(const MarkdownBlock&) const = default;
};

std::vector<MarkdownBlock> parse_markdown(std::string_view text);

// `text` with inline markup reduced to what it shows: "`free(p)` twice" -> "free(p) twice".
std::string markdown_plain_text(std::string_view text);

// GitHub's anchor for a heading's text (markup already removed): lower case, spaces to hyphens,
// punctuation other than '-' and '_' dropped. "Out of memory (ENOMEM)" -> "out-of-memory-enomem".
std::string heading_anchor(std::string_view heading);

// The section under the heading whose anchor is `anchor`: that heading and the blocks up to the
// next heading of the same or a higher level. Empty when no heading has that anchor.
std::span<const MarkdownBlock> markdown_section(std::span<const MarkdownBlock> blocks, std::string_view anchor);

}  // namespace memviz::web
