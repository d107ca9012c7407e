// C source drawn in syntax colours, line by line, and the marks laid over it (a squiggle under an
// error). Shared by the Code panel's editor and its run view.
//
// The one idea: ImFont::RenderText puts a line's glyphs at a pixel-aligned origin plus the running
// sum of the glyph advances before them (a tab is one glyph, four spaces wide; '\r' is skipped),
// and ImGui's text input measures its cursor and selection with the same sum. code_x and
// draw_code_line sum the same way, so coloured text drawn here lands exactly where ImGui's own text
// would, and lines up with its cursor and selection to the pixel.
//
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "widgets/c_highlight.h"

namespace memviz::web {

ImU32 span_colour(SpanKind kind);

// A source cut into lines, each with its colour spans; highlighted again only when the text changes.
// Invariant: line_count() == spans().size() == 1 + the number of '\n' in text().
class HighlightedSource {
public:
    void update(std::string_view text) {
        if (m_ready && text == m_text) return;
        m_ready = true;
        m_text = text;
        m_spans = highlight_c(m_text);
        m_line_starts.assign(1, 0);
        for (std::size_t at = 0; at < m_text.size(); ++at) {
            if (m_text[at] == '\n') m_line_starts.push_back(at + 1);
        }
        m_line_starts.push_back(m_text.size() + 1);  // where a line after the last would start
    }
    const std::string& text() const { return m_text; }
    std::size_t line_count() const { return m_spans.size(); }
    // Row `row` (from 0) without its '\n'.
    std::string_view line(std::size_t row) const {
        return std::string_view(m_text).substr(m_line_starts[row], m_line_starts[row + 1] - 1 - m_line_starts[row]);
    }
    const std::vector<Span>& spans(std::size_t row) const { return m_spans[row]; }
    std::size_t line_start(std::size_t row) const { return m_line_starts[row]; }
    // The row holding byte `offset` (an offset at a '\n' belongs to the line the '\n' ends).
    std::size_t row_of(std::size_t offset) const {
        const auto after = std::upper_bound(m_line_starts.begin(), m_line_starts.end() - 1, offset);
        return static_cast<std::size_t>(after - m_line_starts.begin()) - 1;
    }

private:
    bool m_ready = false;
    std::string m_text;
    std::vector<std::vector<Span>> m_spans;
    std::vector<std::size_t> m_line_starts;  // each line's first byte, then text().size() + 1
};

// Calls visit(byte offset, code point) for each character of `line`, decoded as RenderText decodes
// UTF-8 (it stops at a malformed sequence); visit returns false to stop early.
template <typename Visit>
void for_each_code_point(std::string_view line, Visit visit) {
    const char* const end = line.data() + line.size();
    for (const char* at = line.data(); at < end;) {
        unsigned int c = static_cast<unsigned char>(*at);
        const int length = c < 0x80 ? 1 : ImTextCharFromUtf8(&c, at, end);
        if (c == 0) return;
        const std::size_t offset = static_cast<std::size_t>(at - line.data());
        at += length;
        if (c == '\r') continue;  // drawn as nothing, takes no room
        if (!visit(offset, c)) return;
    }
}

// The x of byte `end` of `line` from the line's start, in `font` at `size` pixels.
float code_x(const ImFont& font, float size, std::string_view line, std::size_t end);

// Draws `line` with its top-left at `origin` (whole pixels, as RenderText floors it), each span in
// its colour. Only glyphs between clip_left and clip_right are emitted: the cost is what shows.
void draw_code_line(ImDrawList& draw, const ImFont& font, float size, ImVec2 origin, std::string_view line,
                    const std::vector<Span>& spans, float clip_left, float clip_right);

// Something wrong at a line and column: a compile diagnostic or a runtime error.
struct SourceMark {
    std::uint32_t line = 0;  // from 1
    std::uint32_t column = 0;  // from 1
    std::string message;
    bool warning = false;
};

// The bytes of `line` a mark at `column` underlines: the word there (up to a space or ';'), or the
// rest of the line when the column is on a space or past the end.
std::pair<std::size_t, std::size_t> marked_bytes(std::string_view line, std::uint32_t column);

ImU32 mark_colour(const SourceMark& mark);

// A wavy line under [x0, x1) at y: the editor convention for "something is wrong here".
void squiggle(ImDrawList& draw, float x0, float x1, float y, ImU32 colour);

}  // namespace memviz::web
