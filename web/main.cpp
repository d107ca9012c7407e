// Platform layer: the only file that knows about GLFW, WebGL and the browser's main loop. It sizes
// the GL surface to the canvas in device pixels (the page's JS sets canvas.width/height from its
// CSS size times devicePixelRatio), loads the fonts at that ratio, and calls the App once a frame.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>

#include "app.h"
#include "fonts.h"

namespace {

GLFWwindow* g_window = nullptr;

EM_JS(int, canvas_pixel_width, (), { return Module.canvas.width; });
EM_JS(int, canvas_pixel_height, (), { return Module.canvas.height; });

void frame() {
    const double started = emscripten_get_now();
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    memviz::web::running_app().draw_frame();
    ImGui::Render();

    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(g_window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.09f, 0.09f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
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
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
