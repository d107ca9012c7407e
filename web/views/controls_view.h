// The run's controls: moves in both directions, continue and pause, play at a speed, the
// timeline over the whole recorded run, and the step granularity. Debugger shortcuts work
// everywhere on the page (F5 continue, F10 over, F11 into, Shift+F11 out; Alt reverses each)
// and each button's tooltip shows its key.
#pragma once

#include "views/view.h"

namespace memviz::web {

class ControlsView final : public View {
public:
    const char* title() const override { return "Run"; }
    ImVec4 default_rect() const override { return {0.0f, 0.7f, 0.3f, 0.3f}; }
    void draw_content(App& app) override;

private:
    float m_speed = 4.0f;  // steps per second when playing
};

// The keyboard shortcuts, read once per frame whichever window has focus.
void handle_debugger_keys(App& app);

}  // namespace memviz::web
