// The address-space bar: the seven segments of the process drawn top to bottom on a compressed
// (logarithmic) scale, so a 4 KiB data segment and a 128 TiB gap both stay readable, with
// boundary addresses on the left, what each segment is on the right and growth directions marked.
#pragma once

#include "views/view.h"

namespace memviz::web {

class AddressSpaceView final : public View {
public:
    const char* title() const override { return "Address space"; }
    ImVec4 default_rect() const override { return {0.82f, 0.0f, 0.18f, 1.0f}; }
    void draw_content(App& app) override;
};

}  // namespace memviz::web
