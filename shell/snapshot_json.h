// A Snapshot as JSON: the one written form of "what memory looks like at this moment", used by
// `memviz export` and meant to be the shape the JS API hands to scripts, so it is documented
// field by field in docs/trace-format.md and changes only with that document.
//
// Addresses are hex strings ("0x4052a0": JSON numbers lose precision past 2^53, and addresses
// read as hex everywhere else in memviz); sizes, counts, lines and ticks are numbers. Keys keep
// the order written here (ordered_json), so a trace reads the same from one run to the next.
#pragma once

#include <nlohmann/json.hpp>

#include "snapshot.h"

namespace memviz::shell {

using Json = nlohmann::ordered_json;

Json snapshot_json(const Snapshot& snapshot);

// The parts, for writers that need one piece (a runtime error in a report, a single value).
Json value_json(const ValueView& value);
Json error_json(const vm::RuntimeError& error);

}  // namespace memviz::shell
