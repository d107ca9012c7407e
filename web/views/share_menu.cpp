#include "views/share_menu.h"

#include <imgui.h>

#include <string>

#include "app.h"
#include "permalink.h"

namespace memviz::web {
namespace {

// Attribute text for HTML: the link goes inside src="...".
std::string html_attribute(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

void share_menu(App& app) {
    if (!ImGui::BeginMenu("Share")) return;
    static bool at_step = true;
    ImGui::Checkbox("At this step", &at_step);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off: the link opens at the start of main");
    // Encoding compresses the whole program: done again only when what the link holds changes.
    static Permalink encoded;
    static std::string link;
    if (Permalink now = app.permalink(at_step); link.empty() || !(now == encoded)) {
        link = app.page_url() + "#" + encode_permalink(now);
        encoded = std::move(now);
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Copy link")) ImGui::SetClipboardText(link.c_str());
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("The code travels in the link itself (after the #): no server sees it.\n%zu characters",
                          link.size());
    }
    if (ImGui::MenuItem("Copy <iframe> for a course page")) {
        // In embed mode, sandboxed: the lesson runs scripts but cannot reach the course page.
        std::string snippet = "<iframe src=\"";
        snippet.append(html_attribute(link + "&embed=1"))
            .append("\" width=\"1000\" height=\"650\" style=\"border:0\" sandbox=\"allow-scripts\" "
                    "title=\"memviz: what this C program does to memory\"></iframe>");
        ImGui::SetClipboardText(snippet.c_str());
    }
    ImGui::EndMenu();
}

}  // namespace memviz::web
