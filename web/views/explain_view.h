// What just happened, in words: the step's narration, and when the run stopped at an error, a
// panel saying what went wrong, where, and which block or frame it involves. The narration is
// also handed to the page for its ARIA live region, so a screen reader announces each step.
#pragma once

#include "views/view.h"

namespace memviz::web {

class ExplainView final : public View {
public:
    const char* title() const override { return "What happened"; }
    ImVec4 default_rect() const override { return {0.3f, 0.7f, 0.52f, 0.15f}; }
    void draw_content(App& app) override;
};

// The program's output as of the present step.
class OutputView final : public View {
public:
    const char* title() const override { return "Output"; }
    ImVec4 default_rect() const override { return {0.3f, 0.85f, 0.52f, 0.15f}; }
    void draw_content(App& app) override;
};

}  // namespace memviz::web
