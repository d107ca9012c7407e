// The program: an editor while the student writes, and the run's picture of the source once it
// is loaded — line numbers, syntax colours, the line about to run and the one just run,
// breakpoints set by clicking the gutter, compile and runtime errors underlined at their column
// with the message on hover and listed below.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "views/view.h"
#include "widgets/c_highlight.h"

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

    std::string m_highlighted_for;  // the source the spans are of
    std::vector<std::vector<Span>> m_spans;
    std::vector<std::size_t> m_line_starts;  // byte offset of each line, then one past the end
    std::uint64_t m_scrolled_for = ~0ULL;  // the debugger generation last scrolled to
    int m_scroll_frames = 0;
};

}  // namespace memviz::web
