// Fitting text to a terminal's width: every view of `memviz debug` is drawn to `--width`
// columns, so a long line is cut (ending in "...") or wrapped, never left to the terminal.
// Widths count characters, not bytes: UTF-8 continuation bytes take no column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace memviz::shell {

std::size_t display_width(std::string_view text);

// `text` cut to `width` columns, the last three replaced by "..." when anything was cut.
std::string fit(std::string_view text, std::size_t width);

// `text` followed by spaces up to `width` columns (longer text is cut with fit()).
std::string pad(std::string_view text, std::size_t width);

// Words of `text` in lines of at most `width` columns, each line starting with `indent`; a word
// longer than a line is cut.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view indent = "");

// Tabs replaced by spaces to the next multiple of four columns.
std::string expand_tabs(std::string_view line);

// The lines of `text` without their line ends ("\r\n" too); no empty last line for a final "\n".
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace memviz::shell
