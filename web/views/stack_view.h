// The call stack as the course notes draw it: one box per frame, main's at the stack's top end,
// each with its function, current line, return address, saved frame pointer, and its
// parameters and locals (name, type, value, address). Values the last step wrote are
// highlighted; values never written show as `?`.
#pragma once

#include <vector>

#include "snapshot.h"
#include "views/view.h"

namespace memviz::web {

class StackView final : public View {
public:
    const char* title() const override { return "Stack"; }
    ImVec4 default_rect() const override { return {0.3f, 0.0f, 0.27f, 0.7f}; }
    void draw_content(App& app) override;

private:
    std::vector<float> m_heights;  // of each frame's box as last drawn, to skip those out of view
};

// One variable as a table row (and its elements and members as child rows), shared by the
// stack, globals and heap views.
void value_rows(App& app, const ValueView& value, int depth);

}  // namespace memviz::web
