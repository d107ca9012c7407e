// Values as a student reads them: a variable's bytes formatted by its C type, and what a
// pointer points at. Shared by describe.cpp (every variable of a snapshot) and anything that
// prints one value.
#pragma once

#include <span>
#include <string>

#include "lang/types.h"
#include "session/describe.h"

namespace memviz::session {

// The variable or part of one at `address` of `type`, named `name`; `written` tells which bytes
// the last step wrote (for ValueView::changed).
// Its elements and members are described within the machine's ValueBudget, at most
// ValueBudget::kPerObject of them.
ValueView describe_value(const MachineView& machine, std::string name, const lang::Type* type, Addr address,
                         const std::vector<Changes::Range>& written);

// The same within what is left of one object's share (the caller's `object_left`).
ValueView describe_part(const MachineView& machine, std::string name, const lang::Type* type, Addr address,
                        const std::vector<Changes::Range>& written, std::size_t& object_left);

// Whether the machine's budget has a value left for one more variable or block (count it in
// `omitted` when not).
bool budget_left(const MachineView& machine);

// For a caller that lists parts itself (a block read as an array): takes one value from
// `object_left` and from the machine's budget, false when either is spent; and counts `children`
// left out in the budget's `omitted`.
bool take_value(const MachineView& machine, std::size_t& object_left);
void count_omitted(const MachineView& machine, std::uint64_t children);

// A computed scalar that is in no memory (`total + 1`, `&pt`), formatted as describe_value
// formats one that is: `bits` holds its bytes as the type lays them out (a float's 4 bytes, an
// int's 4 low bytes). Always initialized; a pointer gets its target.
ValueView describe_scalar(const MachineView& machine, std::string name, const lang::Type* type, std::uint64_t bits);

// The live variable (local, parameter or global) holding `address`: its name, type and first
// byte, or nothing.
struct VariableRef {
    std::string name;     // "scores"
    std::string owner;    // "main", or "global"
    const lang::Type* type = nullptr;
    Addr first = 0;
};
std::optional<VariableRef> variable_at(const MachineView& machine, Addr address);

// C literals for a char ('A', '\n', '\x7f') and for the bytes up to the first zero ("hi\n"),
// at most `limit` characters shown before "...".
std::string char_literal(unsigned char c);
std::string string_literal(std::span<const std::uint8_t> bytes, std::size_t limit = 64);

// An operand slot's value as C type `type` reads it: a function's return value.
std::string format_slot(const lang::Type* type, std::uint64_t value);

// "scores[2]", "p->next" style path to the byte `offset` bytes into a `type` named `name`.
// Descends no further than a part of type `stop` at the exact address, when given.
std::string element_path(const std::string& name, const lang::Type* type, std::uint64_t offset,
                         const lang::Type* stop = nullptr);

}  // namespace memviz::session
