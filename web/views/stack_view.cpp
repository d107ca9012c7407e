#include "views/stack_view.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "app.h"
#include "support/format.h"
#include "theme.h"

namespace memviz::web {
namespace {

ImU32 target_colour(const PointerTarget& target) {
    switch (target.kind) {
        case PointerTarget::Kind::FreedBlock:
        case PointerTarget::Kind::Dangling:
        case PointerTarget::Kind::Wild: return theme::kWarning;
        case PointerTarget::Kind::HeapBlock: return theme::kHeap;
        case PointerTarget::Kind::Variable: return theme::kStack;
        default: break;
    }
    return ImGui::GetColorU32(ImGuiCol_TextDisabled);
}

bool begin_value_table(const char* id) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, 4, flags)) return false;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("type", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("address", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    return true;
}

}  // namespace

void value_rows(App& app, const ValueView& value, int depth, bool live) {
    ImGui::TableNextRow();
    if (value.changed) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, theme::rgb(0xF0E442, 70));
    ImGui::TableNextColumn();
    ImGui::Indent(static_cast<float>(depth) * ImGui::GetFontSize());
    ImGui::TextUnformatted(value.name.c_str());
    ImGui::Unindent(static_cast<float>(depth) * ImGui::GetFontSize());
    const ImVec2 row_min = ImGui::GetItemRectMin();
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s %s\n%llu bytes at %s%s", value.type.c_str(), value.name.c_str(),
                          static_cast<unsigned long long>(value.size), hex_address(value.address).c_str(),
                          value.is_parameter ? "\na parameter: the caller's argument, copied" : "");
    }
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", value.type.c_str());
    ImGui::TableNextColumn();
    ImGui::PushFont(app.fonts().mono);
    if (!value.initialized && value.children.empty()) {
        ImGui::TextDisabled("?");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Never written: reading it is undefined behaviour");
    } else {
        ImGui::TextUnformatted(value.value.c_str());
        if (value.target && live) {
            const ImVec2 max = ImGui::GetItemRectMax();
            app.arrows().add_pointer({max.x + 6, max.y - ImGui::GetTextLineHeight() / 2}, *value.target);
        }
    }
    if (value.target) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::text(target_colour(*value.target)));
        ImGui::PushFont(app.fonts().sans);
        ImGui::TextWrapped("-> %s", value.target->description.c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    ImGui::TableNextColumn();
    ImGui::PushFont(app.fonts().mono);
    ImGui::TextDisabled("%s", hex_address(value.address).c_str());
    ImGui::PopFont();
    if (live) app.arrows().add_object(value.address, value.size, row_min, ImGui::GetItemRectMax());
    // Elements and members: the first few, so a big array does not flood the panel; none for a
    // char array, whose value already reads as its string.
    const bool chars = value.type.rfind("char [", 0) == 0 || value.type.rfind("unsigned char [", 0) == 0 ||
                       value.type.rfind("signed char [", 0) == 0;
    const std::size_t shown = chars ? 0 : std::min<std::size_t>(value.children.size(), 16);
    for (std::size_t i = 0; i < shown; ++i) value_rows(app, value.children[i], depth + 1, live);
    if (!chars && value.children.size() > shown) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("  ... %zu more", value.children.size() - shown);
    }
}

namespace {

constexpr double kFadeSeconds = 0.9;

bool same_frame(const FrameView& a, const FrameView& b) {
    return a.frame_pointer == b.frame_pointer && a.function == b.function;
}

}  // namespace

void StackView::note_popped(const Snapshot& s) {
    // Frames are innermost first; what the old stack had beyond the new one's innermost
    // surviving frame is gone.
    std::vector<FrameView> popped;
    for (const FrameView& old : m_last_frames) {
        const bool kept = std::any_of(s.frames.begin(), s.frames.end(), [&](const FrameView& f) { return same_frame(f, old); });
        if (kept) break;
        popped.push_back(old);
    }
    if (popped.empty() || popped.size() == m_last_frames.size()) {
        m_popped.clear();  // nothing returned, or another program altogether
    } else {
        m_popped = std::move(popped);
        m_popped_at = ImGui::GetTime();
    }
    m_last_frames = s.frames;
}

void StackView::draw_frame(App& app, const FrameView& frame, bool innermost, bool live) {
    ImGui::PushStyleColor(ImGuiCol_Border, innermost ? theme::kStack : ImGui::GetColorU32(ImGuiCol_Border));
    ImGui::BeginGroup();
    ImGui::TextColored(ImColor(theme::text(theme::kStack)), "%s()", frame.function.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("line %u", frame.line);
    ImGui::PushFont(app.fonts().mono);
    ImGui::TextDisabled("return address %s  saved fp %s", hex_address(frame.return_address).c_str(),
                        hex_address(frame.saved_frame_pointer).c_str());
    ImGui::PopFont();
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("The frame spans %s - %s.\nThe return address is where %s's caller continues;\n"
                          "the saved frame pointer is the caller's frame.",
                          hex_address(frame.low).c_str(), hex_address(frame.high - 1).c_str(), frame.function.c_str());
    }
    if (frame.variables.empty()) {
        ImGui::TextDisabled("(no variables)");
    } else if (begin_value_table("vars")) {
        for (const ValueView& value : frame.variables) value_rows(app, value, 0, live);
        ImGui::EndTable();
    }
    ImGui::EndGroup();
    ImGui::PopStyleColor();
}

void StackView::draw_content(App& app) {
    Debugger& debugger = app.debugger();
    if (!debugger.loaded()) {
        ImGui::TextDisabled("No program is running.");
        return;
    }
    const Snapshot& s = debugger.snapshot();
    if (debugger.generation() != m_seen_generation) {
        m_seen_generation = debugger.generation();
        note_popped(s);
    }
    // Popped frames fade out where the stack's innermost end is drawn.
    const float fade = 1.0f - static_cast<float>((ImGui::GetTime() - m_popped_at) / kFadeSeconds);
    auto draw_popped = [&] {
        if (m_popped.empty() || fade <= 0) return;
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, std::max(0.05f, fade * 0.6f));
        for (std::size_t i = 0; i < m_popped.size(); ++i) {
            ImGui::PushID(static_cast<int>(100000 + i));
            draw_frame(app, m_popped[i], false, false);
            ImGui::PopID();
        }
        ImGui::TextDisabled("(returned)");
        ImGui::PopStyleVar();
        ImGui::Separator();
    };
    // The course notes draw low addresses at the top, so the stack's top end (main's frame)
    // is at the bottom there; high addresses first puts main at the top, as CS:APP draws it.
    const bool main_first = app.settings().high_addresses_first;
    const std::size_t count = s.frames.size();
    // A deep recursion has hundreds of frames: those scrolled out of view are skipped by the
    // height they took when last drawn, so a frame costs only what is on screen.
    if (!main_first) draw_popped();
    if (m_heights.size() != count) m_heights.assign(count, 0.0f);
    const float view_top = ImGui::GetScrollY();
    const float view_bottom = view_top + ImGui::GetWindowHeight();
    for (std::size_t n = 0; n < count; ++n) {
        const float y = ImGui::GetCursorPosY();
        if (m_heights[n] > 0 && (y + m_heights[n] < view_top || y > view_bottom)) {
            ImGui::SetCursorPosY(y + m_heights[n]);
            continue;
        }
        const FrameView& frame = s.frames[main_first ? count - 1 - n : n];
        ImGui::PushID(static_cast<int>(n));
        draw_frame(app, frame, &frame == &s.frames.front(), true);
        if (n + 1 < count) ImGui::Separator();
        if (s.frames_omitted > 0 && n + 1 == (main_first ? Snapshot::kOutermostFrames : Snapshot::kInnermostFrames)) {
            ImGui::TextDisabled("... %llu frames of the same recursion not shown ...",
                                static_cast<unsigned long long>(s.frames_omitted));
            ImGui::Separator();
        }
        ImGui::PopID();
        m_heights[n] = ImGui::GetCursorPosY() - y;
    }
    ImGui::Dummy({1, 1});  // the window's content reaches the last skipped frame
    if (main_first) draw_popped();
    if (!s.globals.empty()) {
        ImGui::Spacing();
        ImGui::TextColored(ImColor(theme::text(theme::kGlobals)), "Globals and statics");
        if (begin_value_table("globals")) {
            for (const ValueView& value : s.globals) value_rows(app, value, 0);
            ImGui::EndTable();
        }
    }
    if (s.values_omitted > 0) {
        ImGui::TextDisabled("%llu variables, elements and members are not shown: a step lists at most %zu values, %zu in one variable.",
                            static_cast<unsigned long long>(s.values_omitted), Snapshot::kMaxValues,
                            Snapshot::kMaxValuesPerObject);
    }
}

}  // namespace memviz::web
