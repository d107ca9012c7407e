// The program's editor: ImGui's multiline text input with a line-number gutter on its left and the
// text in syntax colours, compile errors flagged in the gutter and squiggled.
//
// How the colours get there: the input is drawn with a transparent text colour, so ImGui still does
// the editing, scrolling and selection highlight but draws no glyphs and no cursor. Then the lines
// on screen are drawn in colour, with the cursor, into the input's own child window (children are
// drawn after their parent: the parent's draw list would be under the input's background), where
// InputTextEx (imgui_widgets.cpp, 1.86) would have drawn them:
//
//   gutter   | child "<window>/<label>_<id>": no window padding, scrolled vertically by its Scroll.y
//            | +--------------------------------------------------------------
//   ●   12   | | frame padding, then text line n at  origin + (0, n * font size),
//       13   | |   origin = IM_FLOOR(child start + frame padding - (ScrollX, 0)),
//            | |   ScrollX the input state's while it is edited, 0 otherwise
//
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <string_view>
#include <vector>

#include "widgets/code_text.h"

namespace memviz::web {

class CodeEditor {
public:
    // Draws the editor filling `size` (gutter included), editing `text` in the current font.
    // `marks` are flagged in the gutter (message on hover) and squiggled under their column.
    // `callback` is called as ImGui's ImGuiInputTextFlags_CallbackAlways.
    void draw(const char* label, std::string& text, ImVec2 size, const std::vector<SourceMark>& marks,
              ImGuiInputTextCallback callback, void* user_data);

private:
    // Where the input put its text this frame, and the rows [first, end) that show.
    struct Placement {
        ImVec2 draw_pos;  // InputTextEx's draw_pos: the text's top-left before horizontal scroll
        float scroll_x = 0;
        ImVec2 origin;  // line 0's top-left as RenderText aligns it
        ImVec2 clip_min, clip_max;
        std::size_t first = 0, end = 0;
        float line_top(std::size_t row) const { return origin.y + static_cast<float>(row) * ImGui::GetFontSize(); }
    };
    Placement place(const ImGuiWindow& child, float scroll_x) const;
    // Returns the cursor's row, or line_count() when there is no cursor.
    std::size_t draw_text_and_cursor(ImDrawList& draw, const Placement& at, const ImGuiInputTextState* state) const;
    void draw_squiggles(ImDrawList& draw, const Placement& at, const std::vector<SourceMark>& marks, bool hovered) const;
    void draw_gutter(ImVec2 min, float width, const Placement& at, std::size_t cursor_row,
                     const std::vector<SourceMark>& marks, bool hovered) const;

    HighlightedSource m_source;  // the text as the input last showed it
};

}  // namespace memviz::web
