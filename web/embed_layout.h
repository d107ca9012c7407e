// Where each panel goes in embed mode (docs/embedding.md): the chosen panels fill the page with
// no menu bar and cannot be moved, so a course page shows exactly what its author picked, from
// 600x400 up. Plain C++ (no ImGui), unit-tested.
//
//   +---------+-------------------------+
//   | code    | stack | heap | ...      |   pictures of memory, side by side
//   |         |                         |
//   +---------+-------------------------+
//   | run     | what happened | output  |   words, side by side
//   +---------+-------------------------+
#pragma once

#include <string>
#include <vector>

namespace memviz::web {

// The panels a link may name, by their names in links: "code", "run", "stack", "heap",
// "explain", "output", "memory", "allocator", "address-space", "segments", "concept".
bool is_panel_name(const std::string& name);
// The panels an embed shows when its link names none.
std::vector<std::string> default_embed_panels();

struct PanelRect {
    std::string panel;
    float x = 0, y = 0, width = 0, height = 0;  // in the page's pixels
};

// A rectangle for each known panel of `panels` (in that order, duplicates dropped) tiling a
// `width` x `height` page.
std::vector<PanelRect> embed_layout(const std::vector<std::string>& panels, float width, float height);

}  // namespace memviz::web
