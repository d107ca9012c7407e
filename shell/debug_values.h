// Values the shell shows from bytes it reads itself: a watched range's old and new value, the
// rows of a memory dump, what an address is (a variable's element, a byte of a heap block).
// print, x and watch evaluate expressions through Session::evaluate; what remains here knows a
// C type only by its spelling ("struct node *"), as a ValueView gives it: pointers end in `*`,
// arrays in `]`, and the scalars are named.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "session.h"
#include "support/result.h"

namespace memviz::shell {

// Where values come from: the snapshot of the moment, and its memory.
struct ValueSource {
    const Snapshot& snapshot;
    DataModel data_model = DataModel::LP64;
    std::function<std::vector<Session::MemoryByte>(Addr, std::uint64_t)> read;
};

// --- C types by their spelling ---------------------------------------------------------------
// The spelling without const, volatile and restrict: "const struct node *" -> "struct node *".
std::string unqualified(std::string_view type);
bool is_pointer_type(std::string_view type);
bool is_array_type(std::string_view type);
// "struct node *" -> "struct node", "int (*)[3]" -> "int [3]"; nullopt for a non-pointer or a
// pointer to a function.
std::optional<std::string> pointee_type(std::string_view type);
// "int [5]" -> "int", "int [2][3]" -> "int [3]".
std::optional<std::string> element_type(std::string_view type);
// Bytes of a scalar type (integers, floating point, enums, pointers); nullopt for others.
std::optional<std::uint64_t> scalar_size(std::string_view type, DataModel model);

// --- values ----------------------------------------------------------------------------------
// A scalar's text from its bytes as the views write it ("42", "65 'A'", "NULL", "0x4052a0"), "?"
// when a byte was never written, "<unreadable>" when one cannot be read; nullopt when `type`
// is not a scalar.
std::optional<std::string> scalar_text(const ValueSource& source, std::string_view type,
                                       std::span<const Session::MemoryByte> bytes);

// In the words of the views: "`scores[2]` in main", "byte 8 of the 16-byte block at 0x4052a0",
// "NULL", "an address in the gap that holds no variable".
PointerTarget describe_address(const Snapshot& snapshot, Addr address);

// A short label for a memory dump row: "scores+8", "block 0x4052a0+4"; nullopt when nothing
// (no variable, no block's payload) holds `address`.
std::optional<std::string> symbol_at(const Snapshot& snapshot, Addr address);

// `value`'s text for one line: aggregates as "{1, 2, 3}" and "{value = 10, next = NULL}" built
// from their children (the snapshot abbreviates large ones as "{...}").
std::string inline_value(const ValueView& value);

}  // namespace memviz::shell
