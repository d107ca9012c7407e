#include "pointer_arrows.h"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

#include "theme.h"

namespace memviz::web {
namespace {

// The top-level window being drawn (a table or child inside it counts as the window).
const void* current_root_window() { return ImGui::GetCurrentWindow()->RootWindow; }

// Where that window shows its content, inside its frame and scroll bars.
ImVec4 current_inner_rect() {
    const ImRect& r = ImGui::GetCurrentWindow()->RootWindow->InnerClipRect;
    return {r.Min.x, r.Min.y, r.Max.x, r.Max.y};
}

// Whether `point` shows the top-level window `window`, not another one drawn over it.
bool visible_in(ImVec2 point, const void* window) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = g.Windows.Size - 1; i >= 0; --i) {  // front to back
        const ImGuiWindow* w = g.Windows[i];
        if (!w->Active || w->Hidden || w != w->RootWindow || !w->Rect().Contains(point)) continue;
        return w == window;
    }
    return false;
}

}  // namespace

void PointerArrows::begin_frame() {
    m_pointers.clear();
    m_objects.clear();
}

void PointerArrows::add_pointer(ImVec2 from, const PointerTarget& target) {
    using Kind = PointerTarget::Kind;
    if (target.kind == Kind::Null || target.kind == Kind::Uninitialized || target.kind == Kind::Function ||
        target.kind == Kind::String) {
        return;
    }
    const bool warning = target.kind == Kind::FreedBlock || target.kind == Kind::Dangling || target.kind == Kind::Wild;
    m_pointers.push_back({from, target.address, warning, current_root_window(), current_inner_rect()});
}

void PointerArrows::add_object(Addr first, std::uint64_t size, ImVec2 min, ImVec2 max) {
    m_objects.push_back({first, size, min, max, current_root_window(), current_inner_rect()});
}

void PointerArrows::draw(ImDrawList* draw) const {
    for (const Pointer& pointer : m_pointers) {
        // The smallest object on screen holding the address: an element's row before its array's.
        const Object* best = nullptr;
        for (const Object& object : m_objects) {
            // One past the end counts too: the pointer a loop leaves after the last element.
            if (pointer.address < object.first || pointer.address > object.first + object.size) continue;
            if (best == nullptr || object.size < best->size) best = &object;
        }
        if (best == nullptr) continue;
        const ImVec2 middle{best->min.x, (best->min.y + best->max.y) / 2};
        if (!visible_in(pointer.from, pointer.window) || !visible_in(middle, best->window)) continue;
        // Near-white on the dark background, near-black on the light one.
        const ImU32 plain = theme::light() ? theme::rgb(0x303030, 200) : theme::rgb(0xE8E8E8, 200);
        const ImU32 colour = pointer.warning ? theme::kWarning : plain;
        // Into the target's near side, at the height of its middle.
        const bool target_right = best->min.x >= pointer.from.x;
        // A row wider than its panel ends where the panel's view of it does.
        float near_x = target_right ? best->min.x : best->max.x;
        if (best->inner.z > best->inner.x) near_x = std::min(std::max(near_x, best->inner.x), best->inner.z);
        const ImVec2 to{near_x, (best->min.y + best->max.y) / 2};
        const float bend = std::max(30.0f, std::fabs(to.x - pointer.from.x) * 0.4f);
        ImVec2 c1{pointer.from.x + bend, pointer.from.y};
        ImVec2 c2{target_right ? to.x - bend : to.x + bend, to.y};
        if (pointer.window == best->window && pointer.inner.z - pointer.inner.x > 8.0f) {
            // Between two rows of one panel: the curve bulges no further than the panel's edge.
            c1.x = std::min(c1.x, pointer.inner.z - 2.0f);
            c2.x = std::min(std::max(c2.x, pointer.inner.x + 2.0f), pointer.inner.z - 2.0f);
        }
        draw->AddCircleFilled(pointer.from, 3.0f, colour);
        draw->AddBezierCubic(pointer.from, c1, c2, to, colour, 1.6f);
        const float head = 7.0f;
        const float dir = target_right ? -1.0f : 1.0f;
        draw->AddTriangleFilled(to, {to.x + dir * head, to.y - head * 0.6f}, {to.x + dir * head, to.y + head * 0.6f}, colour);
    }
}

}  // namespace memviz::web
