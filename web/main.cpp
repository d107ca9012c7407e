// Platform layer: the only file that knows about GLFW, WebGL and the browser's main loop. It sizes
// the GL surface to the canvas in device pixels (the page's JS sets canvas.width/height from its
// CSS size times devicePixelRatio), loads the fonts at that ratio, and calls the App once a frame.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <vector>

#include "app.h"
#include "fonts.h"
#include "gl_renderer.h"

namespace {

GLFWwindow* g_window = nullptr;
memviz::web::GlRenderer* g_renderer = nullptr;

EM_JS(int, canvas_pixel_width, (), { return Module.canvas.width; });
EM_JS(int, canvas_pixel_height, (), { return Module.canvas.height; });
// Hands the step's narration to the page, which puts it in its ARIA live region.
EM_JS(void, announce, (const char* text), {
    if (Module.onNarration) Module.onNarration(UTF8ToString(text));
});
// ImGui's copy (not the editor's: the page handles the browser's copy event for that).
EM_JS(void, write_clipboard, (const char* text), {
    if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString(text)).catch(function () {});
});

// "Open in the docs": a page beside the app (docs/errors.html), in a new tab. A sandboxed
// iframe may refuse; then nothing happens, and the Concept window still shows the section.
EM_JS(void, open_in_new_tab, (const char* url), {
    try { window.open(UTF8ToString(url), '_blank', 'noopener'); } catch (e) {}
});

std::uint64_t g_announced = ~0ULL;  // the debugger generation last announced

// ImGui 1.86 reads keys as held-down state once per frame, so a press and its release landing
// between the same two frames (a quick tap while a frame is slow, two taps of F10) would be lost
// or merged. Key events are queued and handed to ImGui before each frame, at most one change
// per key per frame; the rest wait for the next frame. Typed characters go in the same queue:
// handed over at once, they would overtake the keys still waiting (text typed after Enter or
// Ctrl+End would land before the new line, or where the cursor was).
struct InputEvent {
    int key, scancode, action, mods;
    unsigned int character;  // a typed character when key is 0
};
std::deque<InputEvent> g_input_events;

void key_callback(GLFWwindow*, int key, int scancode, int action, int mods) {
    g_input_events.push_back({key, scancode, action, mods, 0});
}

void char_callback(GLFWwindow*, unsigned int character) { g_input_events.push_back({0, 0, 0, 0, character}); }

void deliver_input_events() {
    std::vector<int> changed;
    while (!g_input_events.empty()) {
        const InputEvent e = g_input_events.front();
        if (e.key == 0) {
            ImGui_ImplGlfw_CharCallback(g_window, e.character);
            g_input_events.pop_front();
            continue;
        }
        // A printable key without Ctrl, Alt or Super only types its character, which ImGui takes
        // from the character event: its press and release may share a frame, so fast typing
        // is not slowed to one character a frame.
        const bool typing = e.key >= GLFW_KEY_SPACE && e.key <= GLFW_KEY_GRAVE_ACCENT &&
                            (e.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER)) == 0;
        const bool change = e.action != GLFW_REPEAT && !typing;
        if (change && std::find(changed.begin(), changed.end(), e.key) != changed.end()) break;
        if (change) changed.push_back(e.key);
        ImGui_ImplGlfw_KeyCallback(g_window, e.key, e.scancode, e.action, e.mods);
        g_input_events.pop_front();
    }
}

void frame() {
    const double started = emscripten_get_now();
    glfwPollEvents();
    deliver_input_events();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    memviz::web::App& app = memviz::web::running_app();
    app.draw_frame();
    ImGui::Render();
    memviz::web::Debugger& debugger = app.debugger();
    if (debugger.generation() != g_announced && !debugger.running() && debugger.loaded()) {
        g_announced = debugger.generation();
        const memviz::Snapshot& s = debugger.snapshot();
        std::string text = "Line " + std::to_string(s.line) + ". ";
        if (s.error) text.append(s.error->message).append(" ");
        if (!s.annotation.empty()) text.append(s.annotation).append(" ");
        text.append(s.narration);
        announce(text.c_str());
    }

    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(g_window, &width, &height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glDisable(GL_SCISSOR_TEST);  // the clear covers the whole canvas, not the last clip rectangle
    glClear(GL_COLOR_BUFFER_BIT);
    g_renderer->render(*ImGui::GetDrawData(), width, height);
    memviz::web::running_app().frame_done(emscripten_get_now() - started);
}

}  // namespace

int main() {
    if (!glfwInit()) {
        std::fprintf(stderr, "memviz: could not initialise GLFW\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_window = glfwCreateWindow(canvas_pixel_width(), canvas_pixel_height(), "memviz", nullptr, nullptr);
    if (g_window == nullptr) {
        std::fprintf(stderr, "memviz: this browser could not create a WebGL2 context\n");
        return 1;
    }
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's business, not a file in the wasm filesystem
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

    // Everything is drawn in device pixels, so the style and fonts scale by the pixel ratio.
    const float pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.ScaleAllSizes(pixel_ratio);
    memviz::web::running_app().set_fonts(memviz::web::load_fonts(pixel_ratio));

    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    glfwSetKeyCallback(g_window, key_callback);  // in front of the backend's, which they call
    glfwSetCharCallback(g_window, char_callback);
    static memviz::web::GlRenderer renderer;
    g_renderer = &renderer;
    // GLFW in the browser has no clipboard: paste comes from the page's paste event.
    io.GetClipboardTextFn = [](void*) { return memviz::web::running_app().clipboard().c_str(); };
    io.SetClipboardTextFn = [](void*, const char* text) {
        memviz::web::running_app().set_clipboard(text);
        write_clipboard(text);
    };
    memviz::web::running_app().set_url_opener([](const std::string& url) { open_in_new_tab(url.c_str()); });
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
