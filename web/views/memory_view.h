// Memory as bytes: a hex and ASCII dump of any address range, each byte coloured by what it is
// (allocator metadata, payload, uninitialized, freed, a stack frame, globals), a jump-to-address
// box, and the selected bytes read as an int, a long, a double, a pointer and a string.
// Clicking a region of the address-space bar or a heap block brings its bytes here.
#pragma once

#include <cstdint>
#include <string>

#include "mem/data_model.h"
#include "views/view.h"

namespace memviz::web {

class MemoryView final : public View {
public:
    const char* title() const override { return "Memory"; }
    ImVec4 default_rect() const override { return {0.3f, 0.35f, 0.52f, 0.35f}; }
    bool open_by_default() const override { return false; }
    void draw_content(App& app) override;

private:
    void draw_reading(App& app);

    std::string m_address_text;
    Addr m_shown_for = 0;     // the App's memory address this view last followed
    Addr m_first = 0;         // the first address of the dump (16-aligned)
    Addr m_selected = 0;
    std::uint64_t m_selected_size = 1;
    bool m_scroll_to_selection = false;
};

}  // namespace memviz::web
