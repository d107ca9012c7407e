#include "widgets/code_text.h"

#include "theme.h"

namespace memviz::web {

ImU32 span_colour(SpanKind kind) {
    switch (kind) {
        case SpanKind::Keyword: return theme::text(theme::rgb(0xC586C0));
        case SpanKind::Type: return theme::text(theme::rgb(0x56B4E9));
        case SpanKind::Number: return theme::text(theme::rgb(0xB5CEA8));
        case SpanKind::String: return theme::text(theme::rgb(0xE69F00));
        case SpanKind::Comment: return theme::text(theme::rgb(0x8A9A7B));
        case SpanKind::Preprocessor: return theme::text(theme::rgb(0xCC79A7));
        case SpanKind::Plain: break;
    }
    return ImGui::GetColorU32(ImGuiCol_Text);
}

float code_x(const ImFont& font, float size, std::string_view line, std::size_t end) {
    const float scale = size / font.FontSize;
    float x = 0.0f;
    for_each_code_point(line.substr(0, std::min(end, line.size())), [&](std::size_t, unsigned int c) {
        if (const ImFontGlyph* glyph = font.FindGlyph(static_cast<ImWchar>(c))) x += glyph->AdvanceX * scale;
        return true;
    });
    return x;
}

void draw_code_line(ImDrawList& draw, const ImFont& font, float size, ImVec2 origin, std::string_view line,
                    const std::vector<Span>& spans, float clip_left, float clip_right) {
    const float scale = size / font.FontSize;
    float x = origin.x;
    std::size_t span = 0;
    for_each_code_point(line, [&](std::size_t offset, unsigned int c) {
        const ImFontGlyph* glyph = font.FindGlyph(static_cast<ImWchar>(c));
        if (glyph == nullptr) return true;
        if (x - size > clip_right) return false;  // a glyph never reaches a font size left of its origin
        const float x1 = x + glyph->X0 * scale;
        const float x2 = x + glyph->X1 * scale;
        if (glyph->Visible && x1 <= clip_right && x2 >= clip_left) {
            while (span + 1 < spans.size() && spans[span].end <= offset) ++span;
            const ImU32 colour = spans.empty() ? span_colour(SpanKind::Plain) : span_colour(spans[span].kind);
            draw.PrimReserve(6, 4);
            draw.PrimRectUV({x1, origin.y + glyph->Y0 * scale}, {x2, origin.y + glyph->Y1 * scale},
                            {glyph->U0, glyph->V0}, {glyph->U1, glyph->V1}, colour);
        }
        x += glyph->AdvanceX * scale;
        return true;
    });
}

std::pair<std::size_t, std::size_t> marked_bytes(std::string_view line, std::uint32_t column) {
    const std::size_t first = column > 0 ? column - 1 : 0;
    std::size_t end = first;
    while (end < line.size() && line[end] != ' ' && line[end] != ';') ++end;
    if (end == first) end = std::max(line.size(), first + 1);
    return {first, end};
}

void squiggle(ImDrawList& draw, float x0, float x1, float y, ImU32 colour) {
    const float step = 3.0f;
    bool up = true;
    for (float x = x0; x < x1; x += step, up = !up) {
        draw.AddLine({x, up ? y : y + 2}, {std::min(x + step, x1), up ? y + 2 : y}, colour, 1.2f);
    }
}

ImU32 mark_colour(const SourceMark& mark) { return mark.warning ? theme::kFree : theme::kWarning; }

}  // namespace memviz::web
