// The Concept window: one section of docs/errors.md, the mistake the program stopped at, drawn
// simply (headings, wrapped paragraphs, bullets, code in the monospace font). The What happened
// panel's "Learn more" opens it on a section (App::show_concept); a chooser picks any other, and
// "Open in the docs" opens the page itself in a new browser tab.
#pragma once

#include "views/view.h"

namespace memviz::web {

class ConceptView final : public View {
public:
    const char* title() const override { return "Concept"; }
    ImVec4 default_rect() const override { return {0.3f, 0.1f, 0.52f, 0.6f}; }
    bool open_by_default() const override { return false; }
    void draw_content(App& app) override;
};

}  // namespace memviz::web
