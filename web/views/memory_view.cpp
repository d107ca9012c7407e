#include "views/memory_view.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <imgui_stdlib.h>

#include "app.h"
#include "support/format.h"
#include "theme.h"

namespace memviz::web {
namespace {

constexpr int kBytesPerRow = 16;
constexpr int kRows = 1024;  // a 16 KiB window from the chosen address

ImU32 byte_colour(const Layout& layout, Addr address, Shadow shadow) {
    switch (shadow) {
        case Shadow::Metadata: return theme::kMetadata;
        case Shadow::Freed: return theme::kWarning;
        case Shadow::Unallocated: return theme::rgb(0x7a7a7a);
        case Shadow::Uninitialized: return theme::rgb(0x9a9a9a, 160);
        case Shadow::PoppedFrame: return theme::rgb(0x56B4E9, 120);
        case Shadow::Initialized: break;
    }
    const Segment* segment = layout.segment_of(address);
    return segment != nullptr ? theme::segment_colour(segment->kind) : theme::rgb(0xE8E8E8);
}

std::string describe_shadow(Shadow shadow) {
    switch (shadow) {
        case Shadow::Metadata: return "allocator metadata (a header, footer or free-list link)";
        case Shadow::Freed: return "freed: the program gave this back";
        case Shadow::Unallocated: return "not handed out";
        case Shadow::Uninitialized: return "handed out, never written";
        case Shadow::PoppedFrame: return "a returned frame's";
        case Shadow::Initialized: return "written";
    }
    return "";
}

}  // namespace

void MemoryView::draw_content(App& app) {
    Debugger& debugger = app.debugger();
    if (!debugger.loaded()) {
        ImGui::TextDisabled("No program is running.");
        return;
    }
    // Another view asked to show an address (a click on the address-space bar).
    if (app.memory_address() != m_shown_for) {
        m_shown_for = app.memory_address();
        m_first = m_shown_for & ~static_cast<Addr>(kBytesPerRow - 1);
        m_selected = m_shown_for;
        m_selected_size = 1;
        m_address_text = hex_address(m_shown_for);
        m_scroll_to_selection = true;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    const bool go = ImGui::InputText("##address", &m_address_text, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Go") || go) {
        try {
            app.show_memory(static_cast<Addr>(std::stoull(m_address_text, nullptr, 16)));
        } catch (const std::exception&) {
            m_address_text = "not an address";
        }
    }
    ImGui::SameLine();
    ImGui::TextDisabled("hex address, e.g. 0x405000");

    const Layout& layout = app.layout();
    const float reading_height = ImGui::GetTextLineHeightWithSpacing() * 3.2f;
    ImGui::BeginChild("bytes", {0, -reading_height}, true);
    ImGui::PushFont(app.fonts().mono);
    const float char_width = ImGui::CalcTextSize("0").x;
    ImGuiListClipper clipper;
    clipper.Begin(kRows);
    if (m_scroll_to_selection) {
        ImGui::SetScrollY(static_cast<float>((m_selected - m_first) / kBytesPerRow) * ImGui::GetTextLineHeightWithSpacing());
        m_scroll_to_selection = false;
    }
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Addr row_first = m_first + static_cast<Addr>(row) * kBytesPerRow;
            const auto bytes = debugger.session().read_memory(row_first, kBytesPerRow);
            ImGui::TextDisabled("%s", hex_address(row_first).c_str());
            const float hex_x = ImGui::GetItemRectMax().x + char_width * 2;
            const float ascii_x = hex_x + char_width * (3 * kBytesPerRow + 2);
            for (int i = 0; i < kBytesPerRow; ++i) {
                const Addr address = row_first + static_cast<Addr>(i);
                const auto& byte = bytes[static_cast<std::size_t>(i)];
                const bool selected = address >= m_selected && address < m_selected + m_selected_size;
                char text[4] = "..";
                if (byte.value) std::snprintf(text, sizeof text, "%02x", *byte.value);
                ImGui::SameLine(hex_x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + char_width * 3 * static_cast<float>(i));
                const ImU32 colour = byte.value ? byte_colour(layout, address, byte.shadow) : theme::kNoAccess;
                ImGui::PushStyleColor(ImGuiCol_Text, theme::text(colour));
                ImGui::PushID(row * kBytesPerRow + i);
                if (ImGui::Selectable(text, selected, 0, {char_width * 2, 0})) {
                    if (ImGui::GetIO().KeyShift && address > m_selected) {
                        m_selected_size = address - m_selected + 1;
                    } else {
                        m_selected = address;
                        m_selected_size = 1;
                    }
                }
                ImGui::PopID();
                ImGui::PopStyleColor();
                if (ImGui::IsItemHovered()) {
                    ImGui::SetTooltip("%s: %s", hex_address(address).c_str(),
                                      byte.value ? describe_shadow(byte.shadow).c_str() : "not mapped: no access");
                }
            }
            std::string ascii;
            for (const auto& byte : bytes) {
                ascii += byte.value && *byte.value >= 32 && *byte.value < 127 ? static_cast<char>(*byte.value) : '.';
            }
            ImGui::SameLine(ascii_x - ImGui::GetWindowPos().x + ImGui::GetScrollX());
            ImGui::TextDisabled("%s", ascii.c_str());
        }
    }
    clipper.End();
    ImGui::PopFont();
    ImGui::EndChild();
    draw_reading(app);
}

// The selection read as the C types a student would try.
void MemoryView::draw_reading(App& app) {
    Debugger& debugger = app.debugger();
    const auto bytes = debugger.session().read_memory(m_selected, 8);
    std::uint8_t raw[8] = {};
    bool readable = true;
    for (std::size_t i = 0; i < 8; ++i) {
        if (bytes[i].value) raw[i] = *bytes[i].value;
        else readable = false;
    }
    ImGui::Text("At %s (%llu byte%s selected; shift-click to extend):", hex_address(m_selected).c_str(),
                static_cast<unsigned long long>(m_selected_size), m_selected_size == 1 ? "" : "s");
    if (!readable) {
        ImGui::TextDisabled("some of these 8 bytes are not mapped");
        return;
    }
    std::int32_t as_int = 0;
    std::int64_t as_long = 0;
    double as_double = 0;
    std::memcpy(&as_int, raw, sizeof as_int);
    std::memcpy(&as_long, raw, sizeof as_long);
    std::memcpy(&as_double, raw, sizeof as_double);
    const bool lp64 = app.settings().data_model == DataModel::LP64;
    const std::uint64_t pointer = lp64 ? static_cast<std::uint64_t>(as_long) : static_cast<std::uint32_t>(as_int);
    std::string text;
    const auto string_bytes = debugger.session().read_memory(m_selected, 32);
    for (const auto& byte : string_bytes) {
        if (!byte.value || *byte.value == 0) break;
        text += *byte.value >= 32 && *byte.value < 127 ? static_cast<char>(*byte.value) : '?';
    }
    ImGui::PushFont(app.fonts().mono);
    ImGui::Text("int %d   long %lld   double %g   pointer %s   char[] \"%s\"", as_int,
                static_cast<long long>(lp64 ? as_long : as_int), as_double, hex_address(pointer).c_str(), text.c_str());
    ImGui::PopFont();
}

}  // namespace memviz::web
