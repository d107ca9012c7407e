#include "app.h"

#include <imgui.h>

#include "views/address_space_view.h"
#include "views/segments_view.h"
#include "views/view.h"

namespace memviz::web {
namespace {

Layout layout_for(const Settings& settings) {
    // The default sizes always fit both data models, so this cannot fail.
    return Layout::make({.data_model = settings.data_model}).value();
}

}  // namespace

App::App() : m_derived_from(m_settings), m_layout(layout_for(m_settings)) {
    m_views.push_back(std::make_unique<SegmentsView>());
    m_views.push_back(std::make_unique<AddressSpaceView>());
}

App::~App() = default;

void App::update_derived() {
    if (m_settings == m_derived_from) return;
    m_layout = layout_for(m_settings);
    m_derived_from = m_settings;
}

void App::draw_frame() {
    update_derived();

    float menu_height = 0.0f;
    if (ImGui::BeginMainMenuBar()) {
        ImGui::TextUnformatted("memviz");
        ImGui::TextDisabled("see what a C program does to memory");
        menu_height = ImGui::GetWindowSize().y;
        ImGui::EndMainMenuBar();
    }

    // Windows return to their places whenever the display changes size; in between, the user
    // may move and resize them.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ImGuiCond placement = (display.x != m_placed_for.x || display.y != m_placed_for.y)
                                    ? ImGuiCond_Always
                                    : ImGuiCond_FirstUseEver;
    m_placed_for = display;

    m_hovered = m_next_hovered;
    m_next_hovered.reset();
    const float usable_height = display.y - menu_height;
    for (auto& view : m_views) {
        const ImVec4 rect = view->default_rect();
        ImGui::SetNextWindowPos({rect.x * display.x, menu_height + rect.y * usable_height}, placement);
        ImGui::SetNextWindowSize({rect.z * display.x, rect.w * usable_height}, placement);
        if (ImGui::Begin(view->title(), nullptr, ImGuiWindowFlags_NoCollapse)) view->draw_content(*this);
        ImGui::End();
    }
    update_derived();  // a view may have changed the settings: the next frame sees the result
}

void App::frame_done(double cpu_ms) {
    ++m_frame_count;
    m_last_frame_ms = cpu_ms;
}

App& running_app() {
    static App app;
    return app;
}

}  // namespace memviz::web
