// The segments of the address space as a table: bounds, size, access and what each one is for,
// in the same order as the address-space bar.
#pragma once

#include "views/view.h"

namespace memviz::web {

class SegmentsView final : public View {
public:
    const char* title() const override { return "Segments"; }
    ImVec4 default_rect() const override { return {0.0f, 0.0f, 0.6f, 1.0f}; }
    void draw_content(App& app) override;
};

}  // namespace memviz::web
