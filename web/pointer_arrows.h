// Arrows from pointer variables to what they point at, drawn across panels: the stack and heap
// views note, while they draw, where each pointer's value is on screen and where each variable
// and heap block is; after every view has drawn, the arrows go on top. Only what is on screen
// this frame is connected, so a scrolled-away target simply has no arrow.
#pragma once

#include <vector>

#include <imgui.h>

#include "snapshot.h"

namespace memviz::web {

class PointerArrows {
public:
    void begin_frame();
    // A pointer shown at `from` (the right end of its value) holding `target`.
    void add_pointer(ImVec2 from, const PointerTarget& target);
    // Memory [first, first + size) drawn in the rectangle [min, max].
    void add_object(Addr first, std::uint64_t size, ImVec2 min, ImVec2 max);
    void draw(ImDrawList* draw) const;

private:
    // Each end remembers the window it is drawn in: an end that another window covers gets no
    // arrow, so arrows never point into a panel on top. And the part of that window its content
    // shows in (`inner`): an arrow ends where the target is seen, and one between two rows of
    // the same panel stays inside it.
    struct Pointer {
        ImVec2 from;
        Addr address;
        bool warning;
        const void* window;
        ImVec4 inner;  // min x, min y, max x, max y
    };
    struct Object {
        Addr first;
        std::uint64_t size;
        ImVec2 min, max;
        const void* window;
        ImVec4 inner;
    };
    std::vector<Pointer> m_pointers;
    std::vector<Object> m_objects;
};

}  // namespace memviz::web
