// Values that a snapshot does not hold ready-made, for `print`, `x` and `watch`: what a pointer
// points at, an element past the first 64 of an array, the address of a variable. The snapshot
// gives every variable's value tree (ValueView); anything else is read from memory and
// formatted by its C type, which the shell knows only by its spelling ("struct node *").
//
// So a type is handled by what its spelling says: pointers end in `*`, arrays in `]`, the
// scalars are named, and a struct is laid out after some variable of the same type in the
// snapshot (its members' offsets are the differences of their addresses). A struct no variable
// shows cannot be laid out from the shell.
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
    // The object at an address read as one of the program's types by its spelling
    // (Session::value_at): how a struct only pointers reach is shown. Empty: not available.
    std::function<std::optional<ValueView>(Addr, std::string_view, std::string)> typed;
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
// "int" -> "int *", "int [5]" -> "int (*)[5]".
std::string pointer_to(std::string_view type);
// Bytes of a scalar type (integers, floating point, enums, pointers); nullopt for others.
std::optional<std::uint64_t> scalar_size(std::string_view type, DataModel model);

// --- values ----------------------------------------------------------------------------------
// "[2]": an element's name in a ValueView tree. (Built by appending: gcc 12 at -O3 warns
// falsely, -Wrestrict, about "[" + std::string.)
std::string index_name(std::int64_t index);

// Bytes of any type: scalars by the data model, arrays by their elements, structs by a variable
// of that type in the snapshot; nullopt when none shows one.
std::optional<std::uint64_t> type_size(const ValueSource& source, std::string_view type);

// The value a pointer or integer holds, from its text ("0x4052a0 \"hi\"", "NULL", "65 'A'", "-3");
// nullopt when it is uninitialized ("?") or not a number.
std::optional<std::int64_t> number_of(const ValueView& value);

// A scalar's text from its bytes as the views write it ("42", "65 'A'", "NULL", "0x4052a0"), "?"
// when a byte was never written, "<unreadable>" when one cannot be read; nullopt when `type`
// is not a scalar.
std::optional<std::string> scalar_text(const ValueSource& source, std::string_view type,
                                       std::span<const Session::MemoryByte> bytes);

// The value of `type` at `address`, named `name`: from the snapshot when some variable is (or
// contains) exactly that, else read from memory.
Result<ValueView> value_at(const ValueSource& source, std::string name, std::string_view type, Addr address);

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
