// Draws Dear ImGui's draw data with WebGL2. Dear ImGui's own OpenGL3 backend saves and restores
// every piece of GL state it touches around each frame, for apps that share the context with
// another renderer; in a browser each of those reads (getParameter, isEnabled) is a synchronous
// round trip to the GPU process, which waits for the previous frame to be drawn: 39 of a 40 ms
// idle frame under SwiftShader (docs/performance.md). The app owns its context, so this
// renderer sets the state it needs each frame and never reads any back.
#pragma once

#include <imgui.h>

namespace memviz::web {

class GlRenderer {
public:
    // Needs a current WebGL2 context and ImGui's fonts added.
    GlRenderer();
    GlRenderer(const GlRenderer&) = delete;
    GlRenderer& operator=(const GlRenderer&) = delete;

    // Draws into the whole framebuffer of `width` x `height` device pixels.
    void render(const ImDrawData& data, int width, int height);

private:
    unsigned m_program = 0;
    int m_projection = -1;   // uniform locations
    int m_texture = -1;
    unsigned m_vertex_array = 0;
    unsigned m_vertices = 0;  // buffers
    unsigned m_indices = 0;
    unsigned m_font_texture = 0;
};

}  // namespace memviz::web
