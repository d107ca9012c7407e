// The baseline for the web app's start-up benchmark (tests/bench/web_bench.mjs): a bare Dear ImGui
// page built by the same toolchain with the same link flags as memviz_web, doing only what ImGui's
// own Emscripten example does — GLFW, a WebGL2 context, ImGui with its built-in font, and a frame
// loop drawing the demo window and one small window. It counts frames and times each one exactly
// as the app does, so the benchmark reads both pages through the same two functions.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/bind.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdint>
#include <cstdio>

namespace {

GLFWwindow* g_window = nullptr;
std::uint64_t g_frame_count = 0;
double g_last_frame_ms = 0.0;

EM_JS(int, canvas_pixel_width, (), { return Module.canvas.width; });
EM_JS(int, canvas_pixel_height, (), { return Module.canvas.height; });

void frame() {
    const double started = emscripten_get_now();
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::ShowDemoWindow();
    ImGui::Begin("Hello, world!");
    ImGui::Text("frame %llu, %.2f ms", static_cast<unsigned long long>(g_frame_count), g_last_frame_ms);
    ImGui::End();
    ImGui::Render();

    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(g_window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.09f, 0.09f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++g_frame_count;
    g_last_frame_ms = emscripten_get_now() - started;
}

double frame_count() { return static_cast<double>(g_frame_count); }
double last_frame_ms() { return g_last_frame_ms; }

}  // namespace

EMSCRIPTEN_BINDINGS(bare_imgui) {
    emscripten::function("frameCount", &frame_count);
    emscripten::function("lastFrameMs", &last_frame_ms);
}

int main() {
    if (!glfwInit()) {
        std::fprintf(stderr, "bare_imgui: could not initialise GLFW\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_window = glfwCreateWindow(canvas_pixel_width(), canvas_pixel_height(), "bare imgui", nullptr, nullptr);
    if (g_window == nullptr) {
        std::fprintf(stderr, "bare_imgui: this browser could not create a WebGL2 context\n");
        return 1;
    }
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
