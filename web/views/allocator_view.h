// The allocator: which policy manages the heap (choosing another runs the program again under
// it), how well it is doing (utilization, fragmentation, free blocks, the largest free block),
// and what it did on the last step, in words.
#pragma once

#include "views/view.h"

namespace memviz::web {

class AllocatorView final : public View {
public:
    const char* title() const override { return "Allocator"; }
    ImVec4 default_rect() const override { return {0.57f, 0.45f, 0.25f, 0.25f}; }
    bool open_by_default() const override { return false; }
    void draw_content(App& app) override;
};

// The settings that change how a program runs or looks, as a menu of the menu bar.
void settings_menu(App& app);

}  // namespace memviz::web
