#include "views/controls_view.h"

#include <algorithm>
#include <string>

#include "app.h"
#include "keys.h"
#include "theme.h"

namespace memviz::web {
namespace {

struct Control {
    const char* label;
    const char* help;
    Move move;
};

constexpr Control kBackward[] = {
    {"|<", "Restart: back to the start of main", Move::Restart},
    {"<<", "Reverse continue: back to the previous breakpoint (Alt+F5)", Move::ContinueBack},
    {"<out", "Step back out: to where this function was called (Alt+Shift+F11)", Move::FinishBack},
    {"<over", "Step back over: the previous step in this function (Alt+F10)", Move::NextBack},
    {"<into", "Step back into: the previous step, into calls (Alt+F11)", Move::StepBack},
};
constexpr Control kForward[] = {
    {"into>", "Step into: the next step, into calls (F11)", Move::Step},
    {"over>", "Step over: the next step in this function (F10)", Move::Next},
    {"out>", "Step out: until this function returns (Shift+F11)", Move::Finish},
    {">>", "Continue: to the next breakpoint or the end (F5)", Move::Continue},
};

void buttons(App& app, const Control* controls, std::size_t count, bool enabled) {
    ImGui::BeginDisabled(!enabled);
    for (std::size_t i = 0; i < count; ++i) {
        if (ImGui::Button(controls[i].label)) app.debugger().move(controls[i].move);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", controls[i].help);
        ImGui::SameLine();
    }
    ImGui::EndDisabled();
}

const char* status_text(const Debugger& debugger, const Snapshot& s) {
    if (debugger.running()) return "Running...";
    switch (s.state) {
        case Snapshot::State::Exited: return "The program has ended.";
        case Snapshot::State::Faulted: return "Stopped at an error.";
        case Snapshot::State::Budget: return "Paused at the step budget: the program may loop forever.";
        case Snapshot::State::Paused: break;
    }
    return "";
}

}  // namespace

void handle_debugger_keys(App& app) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // typing in the editor
    Debugger& debugger = app.debugger();
    const bool back = io.KeyAlt;
    if (ImGui::IsKeyPressed(keys::kF5)) {
        if (debugger.running()) debugger.pause();
        else debugger.move(back ? Move::ContinueBack : Move::Continue);
    } else if (ImGui::IsKeyPressed(keys::kF10)) {
        debugger.move(back ? Move::NextBack : Move::Next);
    } else if (ImGui::IsKeyPressed(keys::kF11)) {
        if (io.KeyShift) debugger.move(back ? Move::FinishBack : Move::Finish);
        else debugger.move(back ? Move::StepBack : Move::Step);
    }
}

void ControlsView::draw_content(App& app) {
    Debugger& debugger = app.debugger();
    const bool loaded = debugger.loaded();
    const bool busy = debugger.running() || debugger.playing();
    buttons(app, kBackward, std::size(kBackward), loaded && !busy);
    if (busy) {
        if (ImGui::Button("Pause")) debugger.pause();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stop where the run is now (F5)");
        ImGui::SameLine();
    }
    buttons(app, kForward, std::size(kForward), loaded && !busy);
    ImGui::NewLine();

    if (!loaded) {
        ImGui::TextDisabled("Run a program to step through it.");
        return;
    }
    const Snapshot& s = debugger.snapshot();

    // The timeline: every step of the recorded run; dragging seeks.
    int step = static_cast<int>(std::min<std::uint64_t>(s.step, 0x7fffffff));
    const int last = static_cast<int>(std::min<std::uint64_t>(s.step_count > 0 ? s.step_count - 1 : 0, 0x7fffffff));
    ImGui::SetNextItemWidth(-1);
    ImGui::BeginDisabled(busy);
    if (ImGui::SliderInt("##timeline", &step, 0, std::max(last, 0), s.finished ? "step %d" : "step %d (recorded so far)")) {
        debugger.seek(static_cast<std::uint64_t>(step));
    }
    ImGui::EndDisabled();

    // Play: one step at a time at a readable pace.
    if (debugger.playing()) {
        if (ImGui::Button("Stop playing")) debugger.pause();
    } else if (ImGui::Button("Play")) {
        debugger.play(m_speed);
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderFloat("steps/s", &m_speed, 0.5f, 50.0f, "%.1f", ImGuiSliderFlags_Logarithmic);

    int granularity = static_cast<int>(debugger.granularity());
    ImGui::TextUnformatted("A step is one");
    ImGui::SameLine();
    bool changed = ImGui::RadioButton("line", &granularity, static_cast<int>(Granularity::Line));
    ImGui::SameLine();
    changed |= ImGui::RadioButton("statement", &granularity, static_cast<int>(Granularity::Statement));
    ImGui::SameLine();
    changed |= ImGui::RadioButton("expression", &granularity, static_cast<int>(Granularity::Expression));
    if (changed) debugger.set_granularity(static_cast<Granularity>(granularity));

    if (debugger.running()) {
        ImGui::Text("Running... %llu instructions", static_cast<unsigned long long>(debugger.tick()));
    } else {
        ImGui::TextUnformatted(status_text(debugger, s));
        if (s.state == Snapshot::State::Budget) {
            ImGui::SameLine();
            if (ImGui::Button("Keep going")) {
                debugger.extend_budget();
                debugger.move(Move::Continue);
            }
        }
    }
}

}  // namespace memviz::web
