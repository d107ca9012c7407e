#include "widgets/code_editor.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace memviz::web {

void CodeEditor::draw(const char* label, std::string& text, ImVec2 size, const std::vector<SourceMark>& marks,
                             ImGuiInputTextCallback callback, void* user_data) {
    const ImGuiID id = ImGui::GetID(label);  // the id InputTextEx gives the input
    // Text changed from outside while the input is being edited (the JS API's setSource): the input
    // would copy its own stale copy back over it, so let go of it and it reads the new text.
    if (ImGui::GetActiveID() == id && text != m_source.text()) ImGui::ClearActiveID();

    const float char_width = code_x(*ImGui::GetFont(), ImGui::GetFontSize(), "0", 1);
    const auto digits = static_cast<float>(std::max<std::size_t>(4, std::to_string(m_source.line_count()).size()));
    const float gutter = char_width * (digits + 2.0f);
    const ImVec2 gutter_min = ImGui::GetCursorScreenPos();
    ImGui::Dummy({gutter, size.y});
    const bool gutter_hovered = ImGui::IsItemHovered();
    ImGui::SameLine(0, 0);

    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));  // alpha 0: ImGui skips its text and cursor
    ImGui::InputTextMultiline(label, &text, {size.x - gutter, size.y},
                              ImGuiInputTextFlags_AllowTabInput | (callback ? ImGuiInputTextFlags_CallbackAlways : 0),
                              callback, user_data);
    ImGui::PopStyleColor();
    const bool input_hovered = ImGui::IsItemHovered();

    // The input's child window is the last child begun in this window (when the input was not
    // clipped away: then it is some other child, or none).
    ImGuiWindow* parent = ImGui::GetCurrentWindow();
    ImGuiWindow* child = parent->DC.ChildWindows.empty() ? nullptr : parent->DC.ChildWindows.back();
    if (child != nullptr && child->ChildId != id) child = nullptr;
    // While edited (or its scrollbar dragged) the input shows its own copy of the text, and scrolls.
    const ImGuiInputTextState* state = ImGui::GetInputTextState(id);
    const ImGuiID active = ImGui::GetActiveID();
    const bool editing = state != nullptr && child != nullptr &&
                         (active == id || active == ImGui::GetWindowScrollbarID(child, ImGuiAxis_Y));
    m_source.update(editing && state->TextAIsValid ? std::string_view(state->TextA.Data, static_cast<std::size_t>(state->CurLenA))
                                                   : std::string_view(text));
    if (child == nullptr) return;

    ImDrawList& draw = *child->DrawList;
    draw.PushClipRect(child->InnerClipRect.Min, child->InnerClipRect.Max, true);
    const Placement at = place(*child, editing ? state->ScrollX : 0.0f);
    const std::size_t cursor_row = draw_text_and_cursor(draw, at, editing ? state : nullptr);
    draw_squiggles(draw, at, marks, input_hovered);
    draw.PopClipRect();
    draw_gutter(gutter_min, gutter, at, cursor_row, marks, gutter_hovered);
}

CodeEditor::Placement CodeEditor::place(const ImGuiWindow& child, float scroll_x) const {
    // InputTextEx's draw_pos: the child's content start plus frame padding, moved up by however far
    // it scrolled itself this frame to follow the cursor (after Begin set CursorStartPos).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float scroll_at_begin = child.Pos.y - child.DC.CursorStartPos.y;
    Placement at;
    at.draw_pos = {child.DC.CursorStartPos.x + style.FramePadding.x,
                   child.DC.CursorStartPos.y + style.FramePadding.y + (scroll_at_begin - child.Scroll.y)};
    at.scroll_x = scroll_x;
    at.origin = {IM_FLOOR(at.draw_pos.x - scroll_x), IM_FLOOR(at.draw_pos.y)};
    at.clip_min = child.DrawList->GetClipRectMin();
    at.clip_max = child.DrawList->GetClipRectMax();
    const float font_size = ImGui::GetFontSize();
    const auto line_count = static_cast<float>(m_source.line_count());
    at.first = static_cast<std::size_t>(std::clamp(std::floor((at.clip_min.y - at.origin.y) / font_size), 0.0f, line_count));
    at.end = static_cast<std::size_t>(std::clamp(std::floor((at.clip_max.y - at.origin.y) / font_size) + 1, 0.0f, line_count));
    return at;
}

std::size_t CodeEditor::draw_text_and_cursor(ImDrawList& draw, const Placement& at,
                                                     const ImGuiInputTextState* state) const {
    const ImFont& font = *ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    for (std::size_t row = at.first; row < at.end; ++row) {
        draw_code_line(draw, font, font_size, {at.origin.x, at.line_top(row)}, m_source.line(row), m_source.spans(row),
                       at.clip_min.x, at.clip_max.x);
    }
    if (state == nullptr) return m_source.line_count();

    // The cursor as InputTextEx draws it: blinking, floored, a line from the row's top to its bottom.
    const auto cursor = static_cast<std::size_t>(
        ImTextCountUtf8BytesFromStr(state->TextW.Data, state->TextW.Data + state->GetCursorPos()));
    const std::size_t row = m_source.row_of(cursor);
    const float blink = state->CursorAnim;
    if (!ImGui::GetIO().ConfigInputTextCursorBlink || blink <= 0.0f || ImFmod(blink, 1.20f) <= 0.80f) {
        const float offset_x = code_x(font, font_size, m_source.line(row), cursor - m_source.line_start(row));
        const float offset_y = static_cast<float>(row + 1) * font_size;
        const ImVec2 bottom = ImFloor(ImVec2(at.draw_pos.x + offset_x - at.scroll_x, at.draw_pos.y + offset_y));
        draw.AddLine({bottom.x, bottom.y - font_size + 0.5f}, {bottom.x, bottom.y - 1.5f}, ImGui::GetColorU32(ImGuiCol_Text));
    }
    return row;
}

void CodeEditor::draw_squiggles(ImDrawList& draw, const Placement& at, const std::vector<SourceMark>& marks,
                                       bool hovered) const {
    const ImFont& font = *ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float char_width = code_x(font, font_size, "0", 1);
    for (const SourceMark& mark : marks) {
        if (mark.line == 0 || mark.line - 1 < at.first || mark.line - 1 >= at.end) continue;
        const std::size_t row = mark.line - 1;
        const auto [from, to] = marked_bytes(m_source.line(row), mark.column);
        const float x0 = at.origin.x + code_x(font, font_size, m_source.line(row), from);
        const float x1 = std::max(at.origin.x + code_x(font, font_size, m_source.line(row), to), x0 + char_width);
        const float top = at.line_top(row);
        squiggle(draw, x0, x1, top + font_size - 2.0f, mark_colour(mark));
        if (hovered && ImGui::IsMouseHoveringRect({x0, top}, {x1, top + font_size})) {
            ImGui::SetTooltip("%u:%u %s", mark.line, mark.column, mark.message.c_str());
        }
    }
}

// Beside each row on screen: its number (the cursor's brighter) and, when it has marks, a dot in
// the worst one's colour, with the marks' messages on hover.
void CodeEditor::draw_gutter(ImVec2 min, float width, const Placement& at, std::size_t cursor_row,
                                    const std::vector<SourceMark>& marks, bool hovered) const {
    const float font_size = ImGui::GetFontSize();
    const float char_width = code_x(*ImGui::GetFont(), font_size, "0", 1);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.PushClipRect({min.x, at.clip_min.y}, {min.x + width, at.clip_max.y}, true);
    const float mouse_y = ImGui::GetIO().MousePos.y;
    for (std::size_t row = at.first; row < at.end; ++row) {
        const float top = at.line_top(row);
        const std::string number = std::to_string(row + 1);
        draw.AddText({min.x + width - char_width * (static_cast<float>(number.size()) + 0.8f), top},
                     ImGui::GetColorU32(row == cursor_row ? ImGuiCol_Text : ImGuiCol_TextDisabled), number.c_str());
        const SourceMark* worst = nullptr;
        for (const SourceMark& mark : marks) {
            if (mark.line == row + 1 && (worst == nullptr || (worst->warning && !mark.warning))) worst = &mark;
        }
        if (worst == nullptr) continue;
        draw.AddCircleFilled({min.x + char_width, top + font_size / 2}, font_size * 0.25f, mark_colour(*worst));
        if (hovered && mouse_y >= top && mouse_y < top + font_size) {
            ImGui::BeginTooltip();
            for (const SourceMark& mark : marks) {
                if (mark.line != row + 1) continue;
                ImGui::TextColored(ImColor(mark_colour(mark)), "%s %u:%u  %s", mark.warning ? "warning" : "error", mark.line,
                                   mark.column, mark.message.c_str());
            }
            ImGui::EndTooltip();
        }
    }
    draw.PopClipRect();
}

}  // namespace memviz::web
