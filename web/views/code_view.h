// The program: an editor while the student writes (line numbers, syntax colours, compile errors
// flagged and underlined: widgets/code_editor.h), and the run's picture of the source once it is
// loaded — line numbers, syntax colours, the line about to run and the one just run, breakpoints
// set by clicking the gutter, compile and runtime errors underlined at their column with the
// message on hover and listed below.
#pragma once

#include <cstdint>

#include "views/view.h"
#include "widgets/code_editor.h"
#include "widgets/code_text.h"

namespace memviz::web {

class CodeView final : public View {
public:
    const char* title() const override { return "Code"; }
    ImVec4 default_rect() const override { return {0.0f, 0.0f, 0.3f, 0.7f}; }
    void draw_content(App& app) override;

private:
    void draw_editor(App& app);
    void draw_run(App& app);
    void draw_problems(App& app);

    CodeEditor m_editor;
    HighlightedSource m_run_source;  // the source the run view shows
    std::uint64_t m_scrolled_for = ~0ULL;  // the debugger generation last scrolled to
    int m_scroll_frames = 0;
};

}  // namespace memviz::web
