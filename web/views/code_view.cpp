#include "views/code_view.h"

#include <algorithm>
#include <imgui_stdlib.h>
#include <string>
#include <string_view>

#include "app.h"
#include "theme.h"

namespace memviz::web {
namespace {

// Every underline the source view draws: compile diagnostics, then (with `run`) the run's errors.
std::vector<SourceMark> marks_of(Debugger& debugger, bool run) {
    std::vector<SourceMark> marks;
    for (const Diagnostic& d : debugger.diagnostics().all()) {
        if (d.loc.valid()) marks.push_back({d.loc.line, d.loc.column, d.message, d.severity != Severity::Error});
    }
    if (run && debugger.loaded()) {
        const Snapshot& s = debugger.snapshot();
        if (s.error && s.error->loc.valid()) marks.push_back({s.error->loc.line, s.error->loc.column, s.error->message, false});
        for (const vm::RuntimeError& e : s.reported) {
            if (e.loc.valid()) marks.push_back({e.loc.line, e.loc.column, e.message, true});
        }
    }
    return marks;
}

}  // namespace

void CodeView::draw_content(App& app) {
    Debugger& debugger = app.debugger();
    if (app.editing()) {
        if (ImGui::Button("Run") || (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))) {
            app.load_program();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Compile and start at main (Ctrl+Enter)");
        ImGui::SameLine();
        ImGui::TextDisabled("Edit the program, then Run.");
    } else {
        if (app.read_only()) {
            ImGui::TextDisabled("Read-only: this lesson's code runs as it is.");
        } else {
            if (ImGui::Button("Edit")) app.set_editing(true);
            ImGui::SameLine();
            if (debugger.edited()) ImGui::TextColored(ImColor(theme::kWarning), "Edited: Run again to see the change.");
            else ImGui::TextDisabled("Click a line number to set a breakpoint.");
        }
    }
    const float problems_height = debugger.diagnostics().all().empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 4.5f;
    ImGui::BeginChild("source", {0, -problems_height}, true, ImGuiWindowFlags_HorizontalScrollbar);
    if (app.editing()) draw_editor(app);
    else draw_run(app);
    ImGui::EndChild();
    if (problems_height > 0) draw_problems(app);
}

void CodeView::draw_editor(App& app) {
    // The program's input, above the code: what scanf and fgets read, and argv.
    if (ImGui::CollapsingHeader("Input: stdin and arguments")) {
        ImGui::PushFont(app.fonts().mono);
        ImGui::InputTextMultiline("stdin", &app.stdin_text(), {-ImGui::GetFontSize() * 5, ImGui::GetTextLineHeight() * 3.5f});
        ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
        ImGui::InputText("argv", &app.arguments());
        ImGui::PopFont();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("argv[1], argv[2], ... separated by spaces; argv[0] is \"main\"");
    }
    ImGui::PushFont(app.fonts().mono);
    // The selection is kept for the page: the browser's copy event asks for it (ImGui's own
    // Ctrl+C cannot reach the system clipboard from a canvas).
    auto remember_selection = [](ImGuiInputTextCallbackData* data) {
        auto* selected = static_cast<App*>(data->UserData);
        const int first = std::min(data->SelectionStart, data->SelectionEnd);
        const int end = std::max(data->SelectionStart, data->SelectionEnd);
        selected->set_selected_text(std::string(data->Buf + first, static_cast<std::size_t>(end - first)));
        return 0;
    };
    m_editor.draw("##code", app.debugger().source(), ImGui::GetContentRegionAvail(), marks_of(app.debugger(), false),
                  remember_selection, &app);
    ImGui::PopFont();
}

void CodeView::draw_run(App& app) {
    Debugger& debugger = app.debugger();
    m_run_source.update(debugger.loaded() ? debugger.loaded_source() : debugger.source());
    const std::vector<SourceMark> marks = marks_of(debugger, true);
    const std::uint32_t current = debugger.loaded() ? debugger.snapshot().line : 0;
    const std::uint32_t previous = debugger.previous_line();

    ImGui::PushFont(app.fonts().mono);
    // Rows are `line_height` apart: each is a text line's height plus the item spacing after it.
    const float line_height = ImGui::GetTextLineHeightWithSpacing();
    const float item_height = ImGui::GetTextLineHeight();
    const float char_width = ImGui::CalcTextSize("M").x;
    const ImFont& font = *ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float gutter = char_width * 6.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // Follow the run: the line about to execute stays in view after every move.
    // (For two frames: the first after a load may not know the new text's height yet.)
    if (m_scrolled_for != debugger.generation()) {
        m_scrolled_for = debugger.generation();
        m_scroll_frames = 2;
    }
    if (m_scroll_frames > 0 && current > 0) {
        --m_scroll_frames;
        const float y = static_cast<float>(current - 1) * line_height;
        const float top = ImGui::GetScrollY();
        const float height = ImGui::GetWindowHeight();
        if (y < top + line_height || y > top + height - 3 * line_height) ImGui::SetScrollY(std::max(0.0f, y - height / 3));
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_run_source.line_count()), line_height);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto line = static_cast<std::uint32_t>(row + 1);
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
            if (line == current) {
                draw->AddRectFilled(origin, {origin.x + width + ImGui::GetScrollX(), origin.y + line_height},
                                    theme::rgb(0x56B4E9, 60));
            } else if (line == previous) {
                draw->AddRectFilled(origin, {origin.x + width + ImGui::GetScrollX(), origin.y + line_height},
                                    theme::rgb(0x56B4E9, 22));
            }

            // The gutter: a click sets or clears a breakpoint.
            ImGui::PushID(row);
            if (ImGui::InvisibleButton("gutter", {gutter, item_height})) debugger.toggle_breakpoint(line);
            const bool gutter_hovered = ImGui::IsItemHovered();
            if (gutter_hovered) ImGui::SetTooltip("%s a breakpoint on line %u", debugger.has_breakpoint(line) ? "Clear" : "Set", line);
            ImGui::PopID();
            const float dot_x = origin.x + char_width * 0.8f;
            const float mid_y = origin.y + item_height / 2;
            if (debugger.has_breakpoint(line)) {
                draw->AddCircleFilled({dot_x, mid_y}, line_height * 0.28f, theme::kWarning);
            } else if (gutter_hovered) {
                draw->AddCircle({dot_x, mid_y}, line_height * 0.28f, theme::kWarning);
            }
            if (line == current) {
                const float x = origin.x + gutter - char_width * 0.9f;
                draw->AddTriangleFilled({x, mid_y - line_height * 0.3f}, {x, mid_y + line_height * 0.3f},
                                        {x + char_width * 0.7f, mid_y}, theme::kStack);
            }
            const std::string number = std::to_string(line);
            draw->AddText({origin.x + gutter - char_width * (static_cast<float>(number.size()) + 1.2f), origin.y},
                          ImGui::GetColorU32(ImGuiCol_TextDisabled), number.c_str());

            // The text, span by span.
            ImGui::SameLine(0, 0);
            const ImVec2 text_origin = ImFloor(ImGui::GetCursorScreenPos());
            const std::string_view text = m_run_source.line(static_cast<std::size_t>(row));
            auto x_at = [&](std::size_t end) { return text_origin.x + code_x(font, font_size, text, end); };
            draw_code_line(*draw, font, font_size, text_origin, text, m_run_source.spans(static_cast<std::size_t>(row)),
                           draw->GetClipRectMin().x, draw->GetClipRectMax().x);
            for (const SourceMark& mark : marks) {
                if (mark.line != line) continue;
                const auto [first, end] = marked_bytes(text, mark.column);
                const float x0 = x_at(first);
                const float x1 = std::max(x_at(end), x0 + char_width);
                squiggle(*draw, x0, x1, text_origin.y + item_height, mark_colour(mark));
                if (ImGui::IsMouseHoveringRect({x0, text_origin.y}, {x1, text_origin.y + line_height})) {
                    ImGui::SetTooltip("%u:%u %s", mark.line, mark.column, mark.message.c_str());
                }
            }
            ImGui::Dummy({std::max(1.0f, x_at(text.size()) - text_origin.x), item_height});
        }
    }
    clipper.End();
    ImGui::PopFont();
}

void CodeView::draw_problems(App& app) {
    Debugger& debugger = app.debugger();
    ImGui::BeginChild("problems", {0, 0}, true);
    for (const Diagnostic& d : debugger.diagnostics().all()) {
        const ImU32 colour = d.severity == Severity::Error ? theme::kWarning : theme::kFree;
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextWrapped("%s %u:%u  %s", d.severity == Severity::Error ? "error" : "warning", d.loc.line, d.loc.column,
                           d.message.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

}  // namespace memviz::web
