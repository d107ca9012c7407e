#include "views/concept_view.h"

#include <algorithm>
#include <string>

#include "app.h"
#include "concept_doc.h"
#include "theme.h"

namespace memviz::web {
namespace {

// A code block: the monospace font on a panel as wide as the window, so it reads as code.
void code_block(App& app, const std::string& code) {
    ImGui::PushFont(app.fonts().mono);
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 text = ImGui::CalcTextSize(code.c_str());
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, text.x + 2 * style.FramePadding.x);
    const ImVec2 size{width, text.y + 2 * style.FramePadding.y};
    ImGui::GetWindowDrawList()->AddRectFilled(corner, {corner.x + size.x, corner.y + size.y},
                                              ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
    ImGui::SetCursorScreenPos({corner.x + style.FramePadding.x, corner.y + style.FramePadding.y});
    ImGui::TextUnformatted(code.c_str());
    ImGui::SetCursorScreenPos(corner);
    ImGui::Dummy(size);
    ImGui::PopFont();
}

void draw_block(App& app, const MarkdownBlock& block) {
    switch (block.kind) {
        case MarkdownBlock::Kind::Heading:
            ImGui::PushStyleColor(ImGuiCol_Text, theme::text(theme::kWarning));
            ImGui::TextWrapped("%s", block.text.c_str());
            ImGui::PopStyleColor();
            ImGui::Separator();
            break;
        case MarkdownBlock::Kind::Paragraph:
            ImGui::TextWrapped("%s", block.text.c_str());
            break;
        case MarkdownBlock::Kind::Bullet:
            ImGui::Indent(ImGui::GetFontSize() * static_cast<float>(block.level));
            ImGui::Bullet();
            ImGui::TextWrapped("%s", block.text.c_str());  // Bullet() leaves the cursor on its line
            ImGui::Unindent(ImGui::GetFontSize() * static_cast<float>(block.level));
            break;
        case MarkdownBlock::Kind::Code:
            code_block(app, block.text);
            break;
    }
    ImGui::Spacing();
}

// The sections the chooser offers: every second-level heading of the page.
void concept_chooser(App& app) {
    const std::string& current = concept_title(app.shown_concept());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (!ImGui::BeginCombo("##concept", current.empty() ? "Pick an error" : current.c_str())) return;
    for (const MarkdownBlock& block : errors_doc()) {
        if (block.kind != MarkdownBlock::Kind::Heading || block.level != 2) continue;
        if (ImGui::Selectable(block.text.c_str(), block.anchor == app.shown_concept())) app.show_concept(block.anchor);
    }
    ImGui::EndCombo();
}

}  // namespace

void ConceptView::draw_content(App& app) {
    const std::string& anchor = app.shown_concept();
    const auto section = markdown_section(errors_doc(), anchor);
    ImGui::BeginDisabled(section.empty());
    if (ImGui::Button("Open in the docs")) app.open_url(concept_url(anchor));
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("docs/errors.html, in a new browser tab");
    }
    ImGui::SameLine();
    concept_chooser(app);
    ImGui::Spacing();
    if (section.empty()) {
        ImGui::TextWrapped("When a program stops at an error, Learn more in the What happened panel explains it "
                           "here: what the mistake is, a short program that makes it, and how to fix it.");
        return;
    }
    ImGui::BeginChild("##section", {0, 0}, false, ImGuiWindowFlags_HorizontalScrollbar);  // for long code lines
    for (const MarkdownBlock& block : section) draw_block(app, block);
    ImGui::EndChild();
}

}  // namespace memviz::web
