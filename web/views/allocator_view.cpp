#include "views/allocator_view.h"

#include <algorithm>
#include <string>

#include "app.h"
#include "support/format.h"
#include "theme.h"

namespace memviz::web {
namespace {

constexpr const char* kPolicyHelp[] = {
    "first-fit: walk every block from the heap's start; take the first free one that fits",
    "next-fit: like first-fit, but start where the last search stopped",
    "best-fit: walk every block; take the smallest free one that fits",
    "explicit-lifo: only free blocks, linked; freed blocks go to the front",
    "explicit-address: only free blocks, linked in address order",
    "segregated: one free list per size class (as real allocators do)",
    "textbook: exactly CS:APP's allocator (9.9.12)",
};

bool policy_combo(Settings& settings) {
    bool changed = false;
    const std::string current(alloc::name(settings.policy));
    if (ImGui::BeginCombo("policy", current.c_str())) {
        for (alloc::PolicyKind policy : alloc::all_policies()) {
            const std::string label(alloc::name(policy));
            if (ImGui::Selectable(label.c_str(), policy == settings.policy)) {
                settings.policy = policy;
                changed = true;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", kPolicyHelp[static_cast<std::size_t>(policy)]);
        }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

void AllocatorView::draw_content(App& app) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    policy_combo(app.settings());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Choosing another policy runs the program again under it.");
    Debugger& debugger = app.debugger();
    if (!debugger.loaded()) return;
    const Snapshot& s = debugger.snapshot();
    const alloc::Metrics& m = s.allocator.metrics;
    ImGui::Text("heap %s, %s live in %llu calls", human_size(m.heap_bytes).c_str(), human_size(m.live_payload).c_str(),
                static_cast<unsigned long long>(m.calls));
    ImGui::ProgressBar(static_cast<float>(m.utilization), {-1, 0});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Utilization: the bytes the program asked for, over the heap's size.");
    ImGui::Text("%llu free block%s, %s free, largest %s", static_cast<unsigned long long>(m.free_blocks),
                m.free_blocks == 1 ? "" : "s", human_size(m.free_bytes).c_str(), human_size(m.largest_free).c_str());
    ImGui::Text("fragmentation: external %.0f%%, internal %s", m.external_fragmentation * 100,
                human_size(m.internal_fragmentation).c_str());
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("External: free bytes outside the largest free block (a large request may fail although\n"
                          "enough bytes are free). Internal: bytes inside allocated blocks the program did not ask for.");
    }
    if (!s.changes.allocated.empty() || !s.changes.freed.empty()) {
        ImGui::Separator();
        ImGui::PushStyleColor(ImGuiCol_Text, theme::text(theme::kMetadata));
        ImGui::TextWrapped("%s", s.narration.c_str());
        ImGui::PopStyleColor();
    }
}

void settings_menu(App& app) {
    if (!ImGui::BeginMenu("Settings")) return;
    Settings& settings = app.settings();
    int model = settings.data_model == DataModel::LP64 ? 0 : 1;
    ImGui::RadioButton("LP64 (x86-64)", &model, 0);
    ImGui::RadioButton("ILP32 (i386)", &model, 1);
    settings.data_model = model == 0 ? DataModel::LP64 : DataModel::ILP32;
    ImGui::Separator();
    ImGui::MenuItem("High addresses on top (CS:APP)", nullptr, &settings.high_addresses_first);
    ImGui::MenuItem("Keep going past errors a real program survives", nullptr, &settings.keep_going);
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Off: stop at the first memory error. On: report survivable ones (a read of\n"
                          "uninitialized memory, an overflow within the heap) and run on to see the consequence.");
    }
    ImGui::MenuItem("Light theme", nullptr, &settings.light_theme);
    ImGui::Separator();
    // Limits in KiB / MiB steps, as `ulimit -s` and a heap limit are usually given.
    int stack_kib = static_cast<int>(settings.stack_limit >> 10);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputInt("stack limit (KiB)", &stack_kib, 4, 1024, ImGuiInputTextFlags_EnterReturnsTrue)) {
        settings.stack_limit = static_cast<std::uint64_t>(std::clamp(stack_kib, static_cast<int>(kMinStackLimit >> 10), static_cast<int>(kMaxStackLimit >> 10))) << 10;
    }
    int heap_mib = static_cast<int>(settings.heap_limit >> 20);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputInt("heap limit (MiB)", &heap_mib, 1, 16, ImGuiInputTextFlags_EnterReturnsTrue)) {
        settings.heap_limit = static_cast<std::uint64_t>(std::clamp(heap_mib, static_cast<int>(kMinHeapLimit >> 20), static_cast<int>(kMaxHeapLimit >> 20))) << 20;
    }
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    policy_combo(settings);
    ImGui::EndMenu();
}

}  // namespace memviz::web
