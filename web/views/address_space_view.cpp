#include "views/address_space_view.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "app.h"
#include "support/format.h"
#include "theme.h"

namespace memviz::web {
namespace {

// Height weight of a segment: grows with the logarithm of its size, flattened further so that
// the 16 EiB OS area does not crush the 12 KiB code segment.
float weight(const Segment& segment) {
    const double pages = static_cast<double>(segment.size()) / static_cast<double>(kPageSize);
    const double octaves = std::clamp(std::log2(std::max(pages, 1.0)), 1.5, 40.0);
    return static_cast<float>(1.0 + std::pow(octaves, 0.6));
}

// Diagonal lines across a rectangle: the mark of memory no program may touch.
void hatch(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 colour, float spacing) {
    draw->PushClipRect(min, max, true);
    const float height = max.y - min.y;
    for (float x = min.x - height; x < max.x; x += spacing) {
        draw->AddLine({x, max.y}, {x + height, min.y}, colour, 1.0f);
    }
    draw->PopClipRect();
}

// A filled arrow head at `tip` pointing up (direction -1) or down (+1) the screen.
void arrow_head(ImDrawList* draw, ImVec2 tip, float direction, float size, ImU32 colour) {
    draw->AddTriangleFilled(tip, {tip.x - size, tip.y - direction * size * 1.4f},
                            {tip.x + size, tip.y - direction * size * 1.4f}, colour);
}

void draw_settings(Settings& settings) {
    int model = settings.data_model == DataModel::LP64 ? 0 : 1;
    ImGui::TextUnformatted("Data model");
    ImGui::SameLine();
    ImGui::RadioButton("LP64 (x86-64)", &model, 0);
    ImGui::SameLine();
    ImGui::RadioButton("ILP32 (i386)", &model, 1);
    settings.data_model = model == 0 ? DataModel::LP64 : DataModel::ILP32;

    int high_first = settings.high_addresses_first ? 1 : 0;
    ImGui::TextUnformatted("On top    ");
    ImGui::SameLine();
    ImGui::RadioButton("low addresses", &high_first, 0);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("As the course notes draw memory: the heap grows down the page, the stack grows up.");
    ImGui::SameLine();
    ImGui::RadioButton("high addresses", &high_first, 1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("As CS:APP draws memory: the heap grows up the page, the stack grows down.");
    settings.high_addresses_first = high_first == 1;
}

// The running program's view of a segment (its used size), if a program is loaded.
const SegmentView* live_segment(App& app, SegmentKind kind) {
    if (!app.debugger().loaded()) return nullptr;
    for (const SegmentView& view : app.debugger().snapshot().segments) {
        if (view.kind == kind) return &view;
    }
    return nullptr;
}

// How much of the bar a used size fills: by the logarithm of pages, so that 4 KiB of a 64 MiB
// heap is visible and the band still grows as the heap does.
float used_fraction(std::uint64_t used, std::uint64_t size) {
    const double pages = static_cast<double>(used) / static_cast<double>(kPageSize);
    const double all = static_cast<double>(size) / static_cast<double>(kPageSize);
    return static_cast<float>(std::clamp(std::log2(1.0 + pages) / std::log2(1.0 + all), 0.02, 1.0));
}

// Where a click on a segment takes the Memory view: the heap's and data's first bytes, the
// stack where it is in use.
Addr memory_to_show(App& app, const Segment& segment) {
    if (segment.kind == SegmentKind::Stack) {
        const Snapshot& s = app.debugger().snapshot();
        if (!s.frames.empty()) return s.frames.front().low;
    }
    return segment.first;
}

void segment_tooltip(const Segment& segment, bool high_first) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
    ImGui::Text("%s  (%s)", std::string(name(segment.kind)).c_str(), human_size(segment.size()).c_str());
    ImGui::Text("%s - %s", hex_address(segment.first).c_str(), hex_address(segment.last).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(describe(segment.kind).data());
    if (segment.kind == SegmentKind::Heap) {
        ImGui::TextDisabled(high_first ? "In this picture it grows upward." : "In this picture it grows downward.");
    } else if (segment.kind == SegmentKind::Stack) {
        ImGui::TextDisabled(high_first ? "In this picture it grows downward." : "In this picture it grows upward.");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace

void AddressSpaceView::draw_content(App& app) {
    draw_settings(app.settings());
    ImGui::Separator();

    const Layout& layout = app.layout();
    const bool high_first = app.settings().high_addresses_first;
    const auto segments = layout.segments();
    const float line = ImGui::GetTextLineHeight();
    const float pad = ImGui::GetStyle().ItemSpacing.x;

    // Columns: boundary addresses | bar | labels.
    ImGui::PushFont(app.fonts().mono);
    const float address_width = ImGui::CalcTextSize("0xffffffffffffffff").x;
    ImGui::PopFont();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float bar_left = origin.x + address_width + pad;
    const float bar_width = std::max(line * 3.0f, avail.x * 0.22f);
    const float bar_right = bar_left + bar_width;
    const float label_left = bar_right + pad * 1.5f;
    const float total_height = std::max(avail.y - pad, line * 2.6f * static_cast<float>(segments.size()));

    // Every segment gets room for two lines of label, the rest is shared by weight.
    const float min_height = line * 2.6f;
    float weight_sum = 0.0f;
    for (const Segment& s : segments) weight_sum += weight(s);
    const float spare = total_height - min_height * static_cast<float>(segments.size());

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 outline = ImGui::GetColorU32(ImGuiCol_Border);
    float y = origin.y;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& segment = high_first ? segments[segments.size() - 1 - i] : segments[i];
        const float height = min_height + spare * weight(segment) / weight_sum;
        const ImVec2 min{bar_left, y};
        const ImVec2 max{bar_right, y + height};
        const ImU32 colour = theme::segment_colour(segment.kind);
        const bool hovered = app.hovered_segment() == segment.kind;

        draw->AddRectFilled(min, max, (colour & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, hovered ? 230 : 170));
        if (!segment.permissions.read) hatch(draw, min, max, IM_COL32(255, 255, 255, 40), line * 0.6f);
        // The part of the heap and the stack the running program uses, growing and shrinking
        // with it: from the heap's start up, from the stack's top down.
        const bool grows = segment.kind == SegmentKind::Heap || segment.kind == SegmentKind::Stack;
        if (const SegmentView* live = grows ? live_segment(app, segment.kind) : nullptr; live != nullptr && live->used > 0) {
            const float fraction = used_fraction(live->used, segment.size());
            const bool from_low = segment.kind == SegmentKind::Heap;
            const bool at_top = from_low != high_first;  // the edge the band grows from is drawn on top
            const float band = std::max(2.0f, fraction * height);
            const ImVec2 band_min{min.x, at_top ? min.y : max.y - band};
            const ImVec2 band_max{max.x, at_top ? min.y + band : max.y};
            draw->AddRectFilled(band_min, band_max, colour);
            const std::string used = "used " + human_size(live->used);
            draw->AddText({label_left, at_top ? min.y : max.y - line}, text, used.c_str());
        }
        draw->AddRect(min, max, hovered ? text : outline, 0.0f, 0, hovered ? 2.0f : 1.0f);

        // Growth: the heap from its start toward higher addresses, the stack from its top toward
        // lower ones; up or down the screen depends on the drawing direction.
        const float toward_high = high_first ? -1.0f : 1.0f;
        const float mid_x = (min.x + max.x) * 0.5f;
        if (segment.kind == SegmentKind::Heap || segment.kind == SegmentKind::Stack) {
            const bool heap = segment.kind == SegmentKind::Heap;
            const float direction = heap ? toward_high : -toward_high;
            const float start = direction > 0 ? min.y + line * 0.3f : max.y - line * 0.3f;
            const float tip = start + direction * std::min(height * 0.6f, line * 2.2f);
            draw->AddLine({mid_x, start}, {mid_x, tip - direction * line * 0.4f}, text, 2.0f);
            arrow_head(draw, {mid_x, tip}, direction, line * 0.3f, text);
        }

        // The segment's lowest address sits at its low edge; the top of the space closes the bar.
        ImGui::PushFont(app.fonts().mono);
        const float low_edge = high_first ? max.y : min.y;
        const std::string first = hex_address(segment.first);
        const float first_width = ImGui::CalcTextSize(first.c_str()).x;
        const float first_y = std::clamp(low_edge - line * 0.5f, origin.y, origin.y + total_height - line);
        draw->AddText({bar_left - pad - first_width, first_y}, dim, first.c_str());
        if ((high_first && i == 0) || (!high_first && i + 1 == segments.size())) {
            const std::string top = hex_address(segment.last);
            const float top_y = high_first ? min.y : max.y - line;
            draw->AddText({bar_left - pad - ImGui::CalcTextSize(top.c_str()).x, top_y}, dim, top.c_str());
        }
        ImGui::PopFont();

        const std::string title = std::string(name(segment.kind)) + "   " + human_size(segment.size());
        const float label_y = (min.y + max.y) * 0.5f - line;
        draw->AddText({label_left, label_y}, segment.kind == SegmentKind::Gap ? text : theme::text(colour), title.c_str());
        const char* access = segment.permissions.write ? "read-write"
                             : segment.permissions.execute ? "read, execute"
                                                           : "no access";
        draw->AddText({label_left, label_y + line}, dim, access);

        ImGui::SetCursorScreenPos(min);
        const bool clicked = ImGui::InvisibleButton(first.c_str(), {std::max(avail.x - address_width - pad, 1.0f), height});
        if (ImGui::IsItemHovered()) {
            app.hover(segment.kind);
            segment_tooltip(segment, high_first);
        }
        if (clicked && app.debugger().loaded() && segment.permissions.read) {
            app.show_memory(memory_to_show(app, segment));
        }
        y += height;
    }
    ImGui::SetCursorScreenPos({origin.x, y});
    ImGui::Dummy({1.0f, 1.0f});
}

}  // namespace memviz::web
