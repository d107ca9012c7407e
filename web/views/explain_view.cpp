#include "views/explain_view.h"

#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

#include "app.h"
#include "concept_doc.h"
#include "support/format.h"
#include "theme.h"

namespace memviz::web {
namespace {

// "Learn more: Use after free": opens the section of docs/errors.md on the mistake in the
// Concept window.
void learn_more(App& app, std::string_view anchor) {
    const std::string& title = concept_title(anchor);
    if (title.empty()) return;
    char label[128];  // on the stack: an idle frame allocates nothing
    std::snprintf(label, sizeof label, "Learn more: %s", title.c_str());
    if (ImGui::Button(label)) app.show_concept(anchor);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("What this mistake is, a short program that makes it, and how to fix it");
}

}  // namespace

void ExplainView::draw_content(App& app) {
    Debugger& debugger = app.debugger();
    if (!debugger.loaded()) {
        if (debugger.diagnostics().has_errors()) {
            ImGui::TextColored(ImColor(theme::text(theme::kWarning)), "The program did not compile: the Code panel lists why.");
        } else {
            ImGui::TextWrapped("Write or pick a program, press Run, then step with into> and over> "
                               "(F11, F10) and back with <into and <over (Alt+F11, Alt+F10).");
        }
        return;
    }
    const Snapshot& s = debugger.snapshot();
    if (s.error) {
        // What went wrong, where, what memory it involves, and why it is wrong: the error in
        // full, never by colour alone.
        const vm::RuntimeError& e = *s.error;
        ImGui::PushStyleColor(ImGuiCol_Text, theme::text(theme::kWarning));
        std::string kind(vm::name(e.kind));
        if (!kind.empty()) kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
        ImGui::TextWrapped("(!) %s, line %u column %u: %s", kind.c_str(), e.loc.line, e.loc.column, e.message.c_str());
        ImGui::PopStyleColor();
        // Right under the headline, where it shows without scrolling the small panel.
        learn_more(app, vm::concept_anchor(e.kind));
        if (e.address) {
            const PointerTarget involved = debugger.session().describe_pointer(*e.address);
            ImGui::TextWrapped("The memory involved: %s (%s).", involved.description.c_str(), hex_address(*e.address).c_str());
        }
        if (!e.explanation.empty()) ImGui::TextWrapped("Why it is wrong: %s", e.explanation.c_str());
        return;
    }
    // The lesson's own words for the line that ran (a `//!` note) come first, set apart.
    if (!s.annotation.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::text(theme::kStack));
        ImGui::TextWrapped("%s", s.annotation.c_str());
        ImGui::PopStyleColor();
        ImGui::Separator();
    }
    if (!s.narration.empty()) {
        ImGui::TextWrapped("%s", s.narration.c_str());
    } else if (s.returned) {
        ImGui::TextWrapped("%s", s.returned->c_str());
    } else if (s.step == 0) {
        ImGui::TextWrapped("main is about to start: its frame is on the stack, its locals not yet written.");
    }
    if (s.state == Snapshot::State::Exited) {
        ImGui::TextWrapped("The program exited with status %d.", s.exit_status);
        if (s.leaked_blocks > 0) {
            ImGui::TextColored(ImColor(theme::text(theme::kWarning)), "%llu block%s never freed: leaked.",
                               static_cast<unsigned long long>(s.leaked_blocks), s.leaked_blocks == 1 ? " was" : "s were");
            learn_more(app, vm::kLeakConcept);
        }
    }
}

void OutputView::draw_content(App& app) {
    Debugger& debugger = app.debugger();
    if (!debugger.loaded()) return;
    const Snapshot& s = debugger.snapshot();
    ImGui::PushFont(app.fonts().mono);
    ImGui::TextUnformatted(s.stdout_text.c_str());
    if (!s.stderr_text.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::text(theme::kWarning));
        ImGui::TextUnformatted(s.stderr_text.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
}

}  // namespace memviz::web
