#include "app.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <string_view>

#include "embed_layout.h"
#include "examples.h"
#include "theme.h"
#include "views/address_space_view.h"
#include "views/allocator_view.h"
#include "views/code_view.h"
#include "views/concept_view.h"
#include "views/controls_view.h"
#include "views/explain_view.h"
#include "views/heap_view.h"
#include "views/memory_view.h"
#include "views/segments_view.h"
#include "views/share_menu.h"
#include "views/stack_view.h"
#include "views/view.h"

namespace memviz::web {
namespace {

Layout layout_for(const Settings& settings) {
    // The default sizes always fit both data models, so this cannot fail.
    auto layout = Layout::make({.data_model = settings.data_model, .heap_limit = settings.heap_limit, .stack_limit = settings.stack_limit});
    if (layout.ok()) return std::move(layout).value();
    return Layout::make({.data_model = settings.data_model}).value();  // the defaults always fit
}

// The program on the page before the student writes one: a frame, a heap block, a free.
constexpr const char* kFirstProgram = R"(#include <stdio.h>
#include <stdlib.h>

int square(int n) {
    int result = n * n;
    return result;
}

int main(void) {
    int x = 3;
    int *i_pt = malloc(sizeof(int));
    *i_pt = square(x);
    printf("%d squared is %d\n", x, *i_pt);
    free(i_pt);
    return 0;
}
)";

// A view's name in links and the JS API (embed_layout.h), from its window title.
std::string_view panel_name(std::string_view title) {
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"Code", "code"},       {"Run", "run"},           {"Stack", "stack"},     {"Heap", "heap"},
        {"What happened", "explain"}, {"Output", "output"}, {"Memory", "memory"}, {"Allocator", "allocator"},
        {"Address space", "address-space"}, {"Segments", "segments"}, {"Concept", "concept"},
    };
    for (const auto& [window, name] : kNames) {
        if (window == title) return name;
    }
    return title;
}

}  // namespace

App::App() : m_derived_from(m_settings), m_layout(layout_for(m_settings)) {
    m_views.push_back(std::make_unique<CodeView>());
    m_views.push_back(std::make_unique<ControlsView>());
    m_views.push_back(std::make_unique<StackView>());
    m_views.push_back(std::make_unique<HeapView>());
    m_views.push_back(std::make_unique<ExplainView>());
    m_views.push_back(std::make_unique<OutputView>());
    m_views.push_back(std::make_unique<AddressSpaceView>());
    m_views.push_back(std::make_unique<MemoryView>());
    m_views.push_back(std::make_unique<AllocatorView>());
    m_views.push_back(std::make_unique<SegmentsView>());
    m_views.push_back(std::make_unique<ConceptView>());
    for (const auto& view : m_views) m_open.push_back(view->open_by_default());
    m_debugger.source() = kFirstProgram;
}

const Layout& App::layout() {
    if (m_debugger.loaded() && m_debugger.session().history() != nullptr) {
        return m_debugger.session().history()->machine().memory().layout();
    }
    return m_layout;
}

void App::open_view(std::string_view title) {
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        if (std::string_view(m_views[i]->title()) != title) continue;
        m_open[i] = true;
        m_raise = i;
    }
}

void App::show_memory(Addr address) {
    m_memory_address = address;
    open_view("Memory");
}

void App::show_concept(std::string_view anchor) {
    m_concept = anchor;
    open_view("Concept");
}

bool App::open_example(std::string_view file) {
    for (std::size_t i = 0; i < kExampleCount; ++i) {
        if (file != kExamples[i].file) continue;
        m_debugger.source() = kExamples[i].source;
        load_program();
        return true;
    }
    return false;
}

void App::examples_menu() {
    if (!ImGui::BeginMenu("Examples")) return;
    bool mistakes_begun = false;
    for (std::size_t i = 0; i < kExampleCount; ++i) {
        const std::string_view source = kExamples[i].source;
        // The lessons that run cleanly come first, then the mistakes a C course warns about.
        const bool mistake = !example_header(source, "expect-error").empty() || !example_header(source, "expect-leak").empty();
        if (mistake && !mistakes_begun) {
            mistakes_begun = true;
            ImGui::Separator();
            ImGui::TextDisabled("Mistakes");
        }
        const std::string title(example_header(source, "title"));
        if (ImGui::MenuItem(title.c_str())) open_example(kExamples[i].file);
        if (ImGui::IsItemHovered()) {
            const std::string concept_text(example_header(source, "concept"));
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::TextUnformatted(concept_text.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    ImGui::EndMenu();
}

bool App::load_program() {
    m_memory_address = 0;
    SessionOptions options;
    options.data_model = m_settings.data_model;
    options.policy = m_settings.policy;
    options.keep_going = m_settings.keep_going;
    options.stack_limit = m_settings.stack_limit;
    options.heap_limit = m_settings.heap_limit;
    options.history_limit = kHistoryLimit;
    options.stdin_text = m_stdin;
    for (std::size_t at = 0; at < m_arguments.size();) {
        const std::size_t end = std::min(m_arguments.find(' ', at), m_arguments.size());
        if (end > at) options.args.push_back(m_arguments.substr(at, end - at));
        at = end + 1;
    }
    const bool ok = m_debugger.load(options);
    m_editing = !ok;
    if (ok) m_memory_address = layout().segment(SegmentKind::Heap).first;
    return ok;
}

App::~App() = default;

void App::open_permalink(const Permalink& link) {
    m_debugger.source() = link.source;
    m_stdin = link.stdin_text;
    m_arguments = link.arguments;
    set_settings(link.settings);
    m_debugger.set_granularity(link.granularity);
    m_read_only = link.read_only;
    const bool loaded = load_program();
    if (loaded && link.step) m_debugger.seek(*link.step);
    if (m_read_only) m_editing = false;
    if (link.embed) {
        m_embedded = true;
        m_embed_panels = link.panels.empty() ? default_embed_panels() : link.panels;
        for (std::size_t i = 0; i < m_views.size(); ++i) {
            const std::string_view name = panel_name(m_views[i]->title());
            m_open[i] = std::find(m_embed_panels.begin(), m_embed_panels.end(), name) != m_embed_panels.end();
        }
    }
    if (loaded && link.autoplay > 0) m_debugger.play(link.autoplay);
}

std::vector<std::string> App::open_panels() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        if (m_open[i]) out.emplace_back(panel_name(m_views[i]->title()));
    }
    return out;
}

Permalink App::permalink(bool with_step) {
    Permalink link;
    // What is on screen: the program as it runs, or the editor's text when nothing does.
    link.source = m_debugger.loaded() && !m_editing ? m_debugger.loaded_source() : m_debugger.source();
    link.stdin_text = m_stdin;
    link.arguments = m_arguments;
    link.settings = m_settings;
    link.granularity = m_debugger.granularity();
    if (with_step && m_debugger.loaded() && !m_editing) link.step = m_debugger.snapshot().step;
    return link;
}

void App::update_derived() {
    if (m_settings == m_derived_from) return;
    // A loaded program runs again under settings that change how it runs: the data model,
    // the allocator policy, stopping at errors. Only the drawing direction leaves it alone.
    Settings run_as = m_settings;
    run_as.high_addresses_first = m_derived_from.high_addresses_first;
    run_as.light_theme = m_derived_from.light_theme;
    if (m_settings.light_theme != m_derived_from.light_theme) {
        if (m_settings.light_theme) ImGui::StyleColorsLight();
        else ImGui::StyleColorsDark();
        theme::set_light(m_settings.light_theme);
    }
    const bool rerun = m_debugger.loaded() && !(run_as == m_derived_from);
    m_layout = layout_for(m_settings);
    m_derived_from = m_settings;
    if (rerun) load_program();
}

void App::draw_frame() {
    update_derived();
    const double now_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
    // A running program gets a slice of each frame that grows with the frame interval: where
    // drawing is slow (software WebGL) the VM would otherwise get a small share of the time.
    const double interval = m_last_frame_start > 0 ? now_ms - m_last_frame_start : 16.0;
    m_last_frame_start = now_ms;
    m_debugger.update(now_ms, std::clamp(interval * 0.6, 12.0, 40.0));
    handle_debugger_keys(*this);
    m_arrows.begin_frame();
    // What the pointer was over in the last frame, which this frame's views highlight.
    m_hovered = m_next_hovered;
    m_next_hovered.reset();

    if (m_embedded) draw_embedded();
    else draw_windows();
    m_arrows.draw(ImGui::GetForegroundDrawList());
    update_derived();  // a view may have changed the settings: the next frame sees the result
}

void App::draw_windows() {
    float menu_height = 0.0f;
    if (ImGui::BeginMainMenuBar()) {
        ImGui::TextUnformatted("memviz");
        examples_menu();
        settings_menu(*this);
        share_menu(*this);
        if (ImGui::BeginMenu("Windows")) {
            for (std::size_t i = 0; i < m_views.size(); ++i) {
                bool open = m_open[i];
                if (ImGui::MenuItem(m_views[i]->title(), nullptr, &open)) m_open[i] = open;
            }
            ImGui::EndMenu();
        }
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

    const float usable_height = display.y - menu_height;
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        if (!m_open[i]) continue;
        View& view = *m_views[i];
        const ImVec4 rect = view.default_rect();
        ImGui::SetNextWindowPos({rect.x * display.x, menu_height + rect.y * usable_height}, placement);
        ImGui::SetNextWindowSize({rect.z * display.x, rect.w * usable_height}, placement);
        if (m_raise == i) {
            ImGui::SetNextWindowFocus();
            m_raise.reset();
        }
        bool open = true;
        if (ImGui::Begin(view.title(), &open, ImGuiWindowFlags_NoCollapse)) view.draw_content(*this);
        ImGui::End();
        m_open[i] = open;
    }
}

void App::draw_embedded() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const auto rects = embed_layout(m_embed_panels, display.x, display.y);
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        const std::string_view name = panel_name(m_views[i]->title());
        const auto rect = std::find_if(rects.begin(), rects.end(), [&](const PanelRect& r) { return r.panel == name; });
        if (rect == rects.end()) continue;
        ImGui::SetNextWindowPos({rect->x, rect->y});
        ImGui::SetNextWindowSize({rect->width, rect->height});
        constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                            ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
        if (ImGui::Begin(m_views[i]->title(), nullptr, kFixed)) m_views[i]->draw_content(*this);
        ImGui::End();
    }
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
