#include "views/heap_view.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app.h"
#include "support/format.h"
#include "theme.h"
#include "views/stack_view.h"

namespace memviz::web {
namespace {

constexpr std::size_t kCompactAbove = 100;

const char* state_of(const HeapBlockView& block) {
    if (block.leaked) return "leaked";
    if (block.allocated) return "allocated";
    if (block.referenced) return "freed, still pointed to";
    if (block.freed_by_program) return "freed";
    return "free";
}

ImU32 payload_colour(const HeapBlockView& block) {
    if (block.leaked || block.referenced) return theme::kWarning;
    return block.allocated ? theme::kHeap : theme::kFree;
}

// The block as a bar: header and footer, payload, padding, each as wide as its bytes (with a
// floor so that a 1-byte footer stays visible).
void block_bar(const HeapBlockView& block, float width, float height) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const double total = static_cast<double>(std::max<std::uint64_t>(block.size, 1));
    auto span = [&](double bytes) { return static_cast<float>(bytes / total) * width; };
    const double header = static_cast<double>(std::min(block.overhead, block.size));
    const double payload = block.allocated ? static_cast<double>(block.requested) : static_cast<double>(block.size) - header;
    const double padding = block.allocated ? static_cast<double>(block.padding) : 0.0;
    float x = at.x;
    const float header_width = std::max(span(header), 4.0f);
    draw->AddRectFilled({x, at.y}, {x + header_width, at.y + height}, theme::kMetadata);
    x += header_width;
    const float payload_width = std::max(0.0f, std::min(span(payload), at.x + width - x));
    draw->AddRectFilled({x, at.y}, {x + payload_width, at.y + height}, payload_colour(block));
    x += payload_width;
    const float padding_width = std::max(0.0f, std::min(span(padding), at.x + width - x));
    draw->AddRectFilled({x, at.y}, {x + padding_width, at.y + height}, theme::kNoAccess);
    draw->AddRect(at, {at.x + width, at.y + height}, ImGui::GetColorU32(ImGuiCol_Border));
    ImGui::Dummy({width, height});
}

// A block's contents as a few lines of text: its value, or its first members or elements.
void contents_summary(const std::optional<ValueView>& contents) {
    if (!contents) return;
    ImGui::Separator();
    if (contents->children.empty()) {
        ImGui::Text("%s = %s", contents->name.c_str(), contents->value.c_str());
        return;
    }
    ImGui::Text("%s (%s):", contents->name.c_str(), contents->type.c_str());
    constexpr std::size_t kShown = 6;
    for (std::size_t i = 0; i < contents->children.size() && i < kShown; ++i) {
        const ValueView& part = contents->children[i];
        ImGui::BulletText("%s = %s", part.name.c_str(), part.value.c_str());
    }
    if (contents->children.size() > kShown) ImGui::TextDisabled("... %zu more", contents->children.size() - kShown);
}

}  // namespace

void HeapView::draw_content(App& app) {
    Debugger& debugger = app.debugger();
    if (!debugger.loaded()) {
        ImGui::TextDisabled("No program is running.");
        return;
    }
    const Snapshot& s = debugger.snapshot();
    if (s.heap.empty()) {
        ImGui::TextDisabled("Nothing allocated yet: the heap is empty until the first malloc.");
        return;
    }
    if (s.heap_omitted > 0) {
        ImGui::TextDisabled("%llu blocks: the first %zu and the last %zu are listed, the %llu between them are not.",
                            static_cast<unsigned long long>(s.heap.size() + s.heap_omitted), Snapshot::kFirstHeapBlocks,
                            Snapshot::kLastHeapBlocks, static_cast<unsigned long long>(s.heap_omitted));
    }
    // A margin on the left for the free-list links.
    const float margin = ImGui::GetFontSize() * 1.4f;
    const float width = ImGui::GetContentRegionAvail().x - margin;
    ImGui::Indent(margin);
    const float bar_height = ImGui::GetFontSize() * 0.9f;
    // Blocks are many in some programs: then each is one row of equal height (no contents), so
    // the clipper can draw only the rows in view.
    const bool compact = s.heap.size() > kCompactAbove;
    std::vector<std::pair<Addr, ImVec2>> block_left;  // each visible block's header: its left edge's middle
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.heap.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const HeapBlockView& outline = s.heap[static_cast<std::size_t>(i)];
            // Read in full for the blocks with room for their contents, the others on hover.
            const HeapBlockView& block = compact ? outline : debugger.heap_block(outline);
            ImGui::PushID(i);
            ImGui::BeginGroup();
            ImGui::PushFont(app.fonts().mono);
            ImGui::TextUnformatted(hex_address(block.payload).c_str());
            ImGui::PopFont();
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, theme::text(payload_colour(block)));
            ImGui::Text("%llu bytes, %s", static_cast<unsigned long long>(block.allocated ? block.requested : block.size),
                        state_of(block));
            ImGui::PopStyleColor();
            block_bar(block, width, bar_height);
            ImGui::EndGroup();
            app.arrows().add_object(block.payload, block.size - block.overhead, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            block_left.emplace_back(block.header, ImVec2{ImGui::GetItemRectMin().x, (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2});
            // The block an error involves is the thing marked.
            if (s.error && s.error->address && *s.error->address >= block.header && *s.error->address < block.header + block.size) {
                ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), theme::kWarning, 0, 0, 3.0f);
            }
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::Text("Block at %s: %llu bytes in all", hex_address(block.header).c_str(),
                            static_cast<unsigned long long>(block.size));
                ImGui::Text("header/footer %llu, payload %llu, padding %llu", static_cast<unsigned long long>(block.overhead),
                            static_cast<unsigned long long>(block.allocated ? block.requested : block.size - block.overhead),
                            static_cast<unsigned long long>(block.padding));
                if (block.allocated_at != 0) ImGui::Text("allocated on line %u", block.allocated_at);
                if (block.freed_at != 0) ImGui::Text("freed on line %u", block.freed_at);
                const HeapBlockView& full = debugger.heap_block(block);
                if (!full.typed_by.empty()) ImGui::Text("read as the type of %s", full.typed_by.c_str());
                // Rows of a long heap have no room for contents: the tooltip gives their values.
                if (compact) contents_summary(full.contents);
                ImGui::EndTooltip();
            }
            if (block.contents && !compact) {
                const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
                if (ImGui::BeginTable("contents", 4, flags)) {
                    value_rows(app, *block.contents, 0);
                    ImGui::EndTable();
                }
            }
            if (!compact) ImGui::Spacing();
            ImGui::PopID();
        }
    }
    clipper.End();
    ImGui::Unindent(margin);

    // The free lists as links from each free block to the next in its list, on the left margin.
    const AllocatorView& allocator = s.allocator;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    auto left_of = [&](Addr header) -> const ImVec2* {
        auto it = std::lower_bound(block_left.begin(), block_left.end(), header,
                                   [](const auto& entry, Addr key) { return entry.first < key; });
        return it != block_left.end() && it->first == header ? &it->second : nullptr;
    };
    for (const auto& list : allocator.free_lists) {
        for (std::size_t i = 0; i + 1 < list.size(); ++i) {
            const ImVec2* from = left_of(list[i]);
            const ImVec2* to = left_of(list[i + 1]);
            if (from == nullptr || to == nullptr) continue;
            const float bulge = margin * 0.9f;
            draw->AddBezierCubic({from->x - 1, from->y}, {from->x - bulge, from->y}, {to->x - bulge, to->y}, {to->x - 1, to->y},
                                 theme::kMetadata, 1.5f);
            draw->AddTriangleFilled({to->x - 1, to->y}, {to->x - 6, to->y - 3}, {to->x - 6, to->y + 3}, theme::kMetadata);
        }
    }
    ImGui::Separator();
    ImGui::Text("%s allocator: %zu free list%s", allocator.policy.c_str(), allocator.free_lists.size(),
                allocator.free_lists.size() == 1 ? "" : "s");
    ImGui::PushFont(app.fonts().mono);
    for (std::size_t n = 0; n < allocator.free_lists.size(); ++n) {
        const auto& list = allocator.free_lists[n];
        if (list.empty()) continue;
        std::string chain = "[" + std::to_string(n) + "]";
        for (std::size_t i = 0; i < list.size() && i < 8; ++i) chain.append(" -> ").append(hex_address(list[i]));
        if (list.size() > 8) chain.append(" -> ... (").append(std::to_string(list.size())).append(")");
        ImGui::TextUnformatted(chain.c_str());
    }
    ImGui::PopFont();
}

}  // namespace memviz::web
