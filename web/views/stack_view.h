// The call stack as the course notes draw it: one box per frame, main's at the stack's top end,
// each with its function, current line, return address, saved frame pointer, and its
// parameters and locals (name, type, value, address). Values the last step wrote are
// highlighted; values never written show as `?`.
#pragma once

#include <cstdint>
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
    // `live`: a frame of the present (its pointers get arrows), not one fading out.
    void draw_frame(App& app, const FrameView& frame, bool innermost, bool live);
    void note_popped(const Snapshot& s);

    std::vector<float> m_heights;  // of each frame's box as last drawn, to skip those out of view
    // Frames the last step popped, drawn fading out for a moment so the student sees them go.
    std::uint64_t m_seen_generation = ~0ULL;
    std::vector<FrameView> m_last_frames;
    std::vector<FrameView> m_popped;
    double m_popped_at = 0;
};

// One variable as a table row (and its elements and members as child rows), shared by the
// stack, globals and heap views; `live` ones take part in the pointer arrows.
void value_rows(App& app, const ValueView& value, int depth, bool live = true);

}  // namespace memviz::web
