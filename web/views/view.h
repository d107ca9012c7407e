// A view is one window of the app. It owns nothing of the program's state: each frame it reads
// the App and draws; user input changes the App's settings or selection, never another view.
#pragma once

#include <imgui.h>

namespace memviz::web {

class App;

class View {
public:
    virtual ~View() = default;
    virtual const char* title() const = 0;
    // Where the window goes on first show, as fractions of the display below the menu bar.
    virtual ImVec4 default_rect() const = 0;
    // Whether the window is open when the page starts (the Windows menu opens and closes it).
    virtual bool open_by_default() const { return true; }
    // Draws the window's content; the window itself is already begun.
    virtual void draw_content(App& app) = 0;
};

}  // namespace memviz::web
