// The web app's state and its frame: settings the user chose, what is derived from them (the
// layout), and the views that draw it. Views read the App and change only its settings and
// selection; they never talk to each other.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "debugger.h"
#include "fonts.h"
#include "mem/layout.h"
#include "permalink.h"
#include "pointer_arrows.h"
#include "settings.h"

namespace memviz::web {

class View;

class App {
public:
    App();
    ~App();

    void set_fonts(const Fonts& fonts) { m_fonts = fonts; }
    const Fonts& fonts() const { return m_fonts; }

    // Builds the whole UI for one frame inside the current ImGui frame.
    void draw_frame();
    // Called by the platform layer after each rendered frame with its CPU time.
    void frame_done(double cpu_ms);

    // Views edit settings in place during a frame; what derives from them follows before the
    // next view draws. set_settings applies a whole new set at once (the JS API uses it).
    Settings& settings() { return m_settings; }
    void set_settings(const Settings& settings) {
        m_settings = settings;
        update_derived();
    }
    // The address space on show: the running program's (its data segment is as large as its
    // globals, and the heap starts after it) or, before one is loaded, the settings' default.
    const Layout& layout();

    // The address the Memory view shows; show_memory moves it there and opens it.
    Addr memory_address() const { return m_memory_address; }
    void show_memory(Addr address);

    // The section of docs/errors.md the Concept window shows (a heading's anchor, "" for none);
    // show_concept moves it there and opens the window.
    const std::string& shown_concept() const { return m_concept; }
    void show_concept(std::string_view anchor);

    // Opens `url` (relative to the page) in a new browser tab, through the platform layer's
    // opener; without one (a test), nothing happens.
    void set_url_opener(std::function<void(const std::string&)> opener) { m_open_url = std::move(opener); }
    void open_url(const std::string& url) const {
        if (m_open_url) m_open_url(url);
    }

    // Where pointers and their targets are on screen this frame (the views note them).
    PointerArrows& arrows() { return m_arrows; }

    // The program the views show and move through.
    Debugger& debugger() { return m_debugger; }
    // Compiles the editor's text with the current settings; false when it did not compile.
    // The code panel shows the editor until a program loads.
    bool load_program();

    // The view a permalink describes (web/permalink.h): its code, input and settings, loaded
    // and at its step; and the present view as one (the step only `with_step`).
    void open_permalink(const Permalink& link);
    Permalink permalink(bool with_step);
    // The page's address without its fragment, as the page gives it: what shared links start with.
    void set_page_url(std::string url) { m_page_url = std::move(url); }
    const std::string& page_url() const { return m_page_url; }
    bool editing() const { return m_editing; }
    // What the program reads (stdin) and its command-line arguments (argv[1...], split at
    // spaces); they take effect at the next load.
    std::string& stdin_text() { return m_stdin; }
    std::string& arguments() { return m_arguments; }
    void set_editing(bool editing) { m_editing = editing && !m_read_only; }
    // A link's read-only code: no Edit, the program only runs.
    bool read_only() const { return m_read_only; }
    // The panels shown, by their names in links ("code", "stack", ...).
    std::vector<std::string> open_panels() const;
    // Puts example `file` (web/examples) in the editor and loads it; false if there is none.
    bool open_example(std::string_view file);

    // The segment under the mouse in any view, so every view highlights the same one. Views
    // report hovering with hover(); what they read is last frame's, so the order views draw in
    // does not matter.
    std::optional<SegmentKind> hovered_segment() const { return m_hovered; }
    void hover(SegmentKind kind) { m_next_hovered = kind; }

    // The browser's clipboard as the page last handed it over (on paste), for ImGui's Ctrl+V;
    // and the editor's selection, which the page puts on the clipboard when the browser copies.
    void set_clipboard(std::string text) { m_clipboard = std::move(text); }
    const std::string& clipboard() const { return m_clipboard; }
    void set_selected_text(std::string text) { m_selected = std::move(text); }
    const std::string& selected_text() const { return m_selected; }

    std::uint64_t frame_count() const { return m_frame_count; }
    double last_frame_ms() const { return m_last_frame_ms; }

private:
    void update_derived();
    // The windows as the student arranges them, under the menu bar.
    void draw_windows();
    // Embed mode: the link's panels only, fixed in web/embed_layout's tiling.
    void draw_embedded();
    void examples_menu();
    void open_view(std::string_view title);

    Settings m_settings;
    Settings m_derived_from;
    Layout m_layout;
    Debugger m_debugger;
    PointerArrows m_arrows;
    Addr m_memory_address = 0;
    std::string m_concept;
    std::string m_page_url;
    bool m_read_only = false;
    // Embed mode (a link's embed=1): no menu bar, the chosen panels fixed in place.
    bool m_embedded = false;
    std::vector<std::string> m_embed_panels;
    std::function<void(const std::string&)> m_open_url;
    bool m_editing = true;
    std::string m_stdin;
    std::string m_arguments;
    Fonts m_fonts;
    std::optional<SegmentKind> m_hovered;
    std::optional<SegmentKind> m_next_hovered;
    ImVec2 m_placed_for{0, 0};  // display size the windows were last placed for
    std::vector<std::unique_ptr<View>> m_views;
    std::vector<bool> m_open;  // per view: its window is shown
    std::optional<std::size_t> m_raise;  // a view to bring to the front at the next frame
    std::string m_clipboard;
    std::string m_selected;
    std::uint64_t m_frame_count = 0;
    double m_last_frame_ms = 0.0;
    double m_last_frame_start = 0.0;  // steady clock, ms
};

// The one App of the page; the platform layer and the JS bindings share it.
App& running_app();

}  // namespace memviz::web
