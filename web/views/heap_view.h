// The heap in address order: each block as a bar of its header, payload, padding and footer
// in the colours every panel uses, with its state (allocated, free, freed but still pointed
// to, leaked), its allocation and free lines on hover, and its contents read as the type of the
// pointer that points to it. Below, the allocator's free lists as chains of block addresses.
#pragma once

#include "views/view.h"

namespace memviz::web {

class HeapView final : public View {
public:
    const char* title() const override { return "Heap"; }
    ImVec4 default_rect() const override { return {0.57f, 0.0f, 0.25f, 0.7f}; }
    void draw_content(App& app) override;
};

}  // namespace memviz::web
