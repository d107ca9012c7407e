#include "views/segments_view.h"

#include <string>

#include "app.h"
#include "support/format.h"
#include "theme.h"

namespace memviz::web {

void SegmentsView::draw_content(App& app) {
    const Layout& layout = app.layout();
    const bool high_first = app.settings().high_addresses_first;
    ImGui::TextWrapped("An %s process: %s addresses, %u-byte pointers. %s",
                       info(layout.data_model()).name.data(),
                       layout.data_model() == DataModel::LP64 ? "64-bit" : "32-bit",
                       info(layout.data_model()).pointer_bytes,
                       high_first ? "Highest addresses first." : "Lowest addresses first.");
    ImGui::Spacing();

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("segments", 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Segment", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("From", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("To", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("What it holds", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();

    const auto segments = layout.segments();
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& segment = high_first ? segments[segments.size() - 1 - i] : segments[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const ImU32 colour = theme::segment_colour(segment.kind);
        ImGui::PushStyleColor(ImGuiCol_Text, segment.kind == SegmentKind::Gap ? ImGui::GetColorU32(ImGuiCol_Text) : theme::text(colour));
        // A row-wide selectable, so hovering anywhere on the row highlights the segment in the bar;
        // it shows as selected while the segment is hovered in another view.
        ImGui::Selectable(name(segment.kind).data(), app.hovered_segment() == segment.kind,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
        if (ImGui::IsItemHovered()) app.hover(segment.kind);
        ImGui::PopStyleColor();
        ImGui::PushFont(app.fonts().mono);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(hex_address(segment.first).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(hex_address(segment.last).c_str());
        ImGui::PopFont();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(human_size(segment.size()).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", describe(segment.kind).data());
    }
    ImGui::EndTable();
}

}  // namespace memviz::web
