// Adapters beside the one Embind file (bindings.cpp): a Snapshot and Diagnostics as plain JS
// objects, copied out of wasm memory. Keys are camelCase, as JS code expects; addresses are
// hex strings, since JS numbers cannot hold every 64-bit address.
#pragma once

#include <emscripten/val.h>

#include "snapshot.h"
#include "support/diagnostics.h"

namespace memviz::web {

emscripten::val snapshot_to_js(const Snapshot& snapshot);
emscripten::val diagnostics_to_js(const Diagnostics& diagnostics);

}  // namespace memviz::web
