// The segments of the address space as a table: bounds, size, access and what each one is for,
// in the same order as the address-space bar.
#pragma once

#include "views/view.h"

namespace memviz::web {

class SegmentsView final : public View {
public:
    const char* title() const override { return "Segments"; }
    ImVec4 default_rect() const override { return {0.3f, 0.2f, 0.52f, 0.5f}; }
    bool open_by_default() const override { return false; }
    void draw_content(App& app) override;
};

}  // namespace memviz::web
