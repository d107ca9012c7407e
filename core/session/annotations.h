// Lesson annotations: an author writes the walk-through in the program itself, as comments of
// the form `//! text`. The text becomes what a front end shows when the line it belongs to runs
// (Snapshot::annotation), next to memviz's own narration of the step.
//
// An annotation belongs to the line it ends; whole lines of `//!` comments belong to the next
// line that has code, so a paragraph can stand above the statement it explains. Consecutive
// annotations for one line are joined with spaces.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace memviz::session {

// Source line (from 1) -> its annotation. `//!` inside a string or character literal, or inside a
// block comment, is not an annotation.
std::map<std::uint32_t, std::string> lesson_annotations(std::string_view source);

}  // namespace memviz::session
