// The Share menu of the menu bar: a permalink to what is on screen (the code, its input, the
// settings, optionally the step) and a ready <iframe> snippet, copied to the clipboard.
#pragma once

namespace memviz::web {

class App;

void share_menu(App& app);

}  // namespace memviz::web
