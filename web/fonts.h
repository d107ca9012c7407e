// The two faces the app draws with, baked in at build time: a monospace for code, addresses and
// memory, a sans for prose. Loaded once at the device's pixel ratio so text stays crisp.
#pragma once

#include <imgui.h>

namespace memviz::web {

struct Fonts {
    ImFont* sans = nullptr;  // the default font
    ImFont* mono = nullptr;
};

// Adds both fonts to the current ImGui context's atlas at `pixel_scale` times their base size.
Fonts load_fonts(float pixel_scale);

}  // namespace memviz::web
