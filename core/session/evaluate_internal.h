// What the evaluator's files share (evaluate.h tells the whole story): the values a walk over
// the typed tree passes around, C's arithmetic on them, the source text of a part of the
// expression for messages, and the walk itself. Not a public header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lang/ast.h"
#include "session/describe.h"
#include "support/result.h"

namespace memviz::session::eval {

// --- evaluate_text.cpp -----------------------------------------------------------------------

// The text of the parts of what the user typed, for messages: the part a node of the tree
// spans, from its first token to its last ("a[i]", "p->next", "(long)p").
class ExpressionText {
public:
    // `text` is what the user typed; a node's column, less `offset`, is a column in it.
    ExpressionText(std::string_view text, std::uint32_t offset);
    std::string of(const lang::Node* node) const;       // without quotes
    std::string quoted(const lang::Node* node) const;   // "`a[i]`"

private:
    struct Piece {
        std::size_t first = 0;  // byte offset in m_text
        std::size_t size = 0;
        std::string text;
    };
    std::optional<std::size_t> piece_at(SourceLoc loc) const;
    void widen(std::size_t& first, std::size_t& last) const;

    std::string m_text;
    std::uint32_t m_offset = 0;
    std::vector<Piece> m_pieces;  // the tokens of m_text, in order
};

// --- values ----------------------------------------------------------------------------------

// The object a pointer points into, which every read through it must stay inside.
struct Extent {
    enum class Kind : std::uint8_t {
        Object,    // a live variable, an allocated block's payload (the bytes asked for), a string literal
        Function,  // a function's code: no data to read
        Freed,     // a block the program freed
        Dangling,  // a stack frame that has returned
        Wild,      // anything else (NULL included)
    };
    Kind kind = Kind::Wild;
    Addr first = 0;
    std::uint64_t size = 0;
    std::string name;                     // "`scores`", "the 16-byte block at 0x4052a0"; for the
                                          // other kinds what the address is, in a snapshot's words
    // What an out-of-bounds read is told in: elements of this many bytes (an array variable's,
    // or what a pointer into a block points to), of a size still unknown (0: a heap block or a
    // string, until a pointer's type says), or bytes (nullopt: a struct or a scalar variable).
    std::optional<std::uint64_t> element_size;
    // Found from the pointer's value `origin`, not from how the pointer was made (it was read
    // from memory or cast from an integer). A value just past the end of one object is also
    // the start of the next (or of nothing): reads inside the object that ends at `origin` are
    // allowed too, so an end pointer's p[-1] reads what it should.
    bool guessed = false;
    Addr origin = 0;
};

// What a part of the expression evaluates to. Scalars are held normalized: an integer's bits
// sign- or zero-extended from its width, a pointer's address, a floating value as a double
// (a float's already rounded to float).
struct Operand {
    enum class Form : std::uint8_t {
        Value,  // a scalar
        Place,  // memory: an lvalue, a struct value chosen by ?: or `,`, a function designator
        Void,
    };
    Form form = Form::Value;
    const lang::Type* type = nullptr;
    Addr address = 0;             // Place
    std::uint64_t bits = 0;       // Value: integers and pointers
    double real = 0.0;            // Value: floating types
    Extent extent;                // pointers (Value) and places: the object they are in
};

// --- evaluate_arith.cpp: C's operators on scalars, as the VM computes them --------------------

// Keeps the low `bytes` bytes of `value`, sign- or zero-extended.
std::uint64_t normalize(std::uint64_t value, std::uint64_t bytes, bool is_signed);
// Whether a scalar compares unequal to zero (conditions, !, && and ||).
bool truth(const Operand& value);
// `value` converted to scalar type `to` (or void) as C converts (a cast, or one C inserted).
Operand convert(const Operand& value, const lang::Type* to);
// The binary arithmetic, bitwise and shift operators, and unary - and ~, in `type` (the
// operands already converted as the checker says). Fails with what went wrong, to follow the
// expression's text: "divides by zero", "overflows int: ...".
Result<Operand> arithmetic(lang::NodeKind op, const lang::Type* type, const Operand& a, const Operand& b);
// <, <=, >, >=, ==, != on two scalars of one type: 0 or 1.
bool compare(lang::NodeKind op, const Operand& a, const Operand& b);
// The bytes of a scalar as its type lays them out (for formatting).
std::uint64_t scalar_bytes(const Operand& value);

// --- evaluate_tree.cpp -------------------------------------------------------------------------

// Walks a typed expression over the machine, reading memory and never writing it.
class Evaluator {
public:
    // `frame` is the innermost frame, whose locals the expression's local variables are; none
    // once the program has ended.
    // `program` is the parse the expression's nodes belong to (it holds their string literals).
    Evaluator(const MachineView& machine, std::optional<vm::Vm::FrameRef> frame, const lang::Program& program,
              const ExpressionText& text);

    // The node as written: an lvalue stays a Place (so `scores` is the array, `pt` the struct).
    Result<Operand> evaluate(const lang::Node* node);
    // A scalar's value: a Place is read.
    Result<Operand> value(const lang::Node* node);
    // Reads the scalar at a Place that `node` designates.
    Result<Operand> load(const Operand& place, const lang::Node* node);
    // Why `bytes` bytes at `address`, designated by `node`, may not be read; nothing if they may.
    std::optional<std::string> check_read(Addr address, std::uint64_t bytes, const Extent& extent,
                                          const lang::Node* node) const;
    // The objects read so far, as typed, each once.
    const std::vector<std::string>& reads() const { return m_reads; }

private:
    Result<Operand> variable(const lang::Node* node) const;
    Result<Operand> function(const lang::Node* node) const;
    Result<Operand> string_literal(const lang::Node* node) const;
    Result<Operand> binary(const lang::Node* node);
    Result<Operand> pointer_arithmetic(const lang::Node* node);
    Result<Operand> choice(const lang::Node* chosen, const lang::Node* node);
    Extent extent_of_value(Addr value) const;
    static Extent extent_of_variable(std::string_view name, const lang::Type* type, Addr first);
    std::string out_of_bounds(Addr address, std::uint64_t bytes, const Extent& extent, const lang::Node* node) const;

    const MachineView& m_machine;
    std::optional<vm::Vm::FrameRef> m_frame;
    const lang::Program& m_program;
    const ExpressionText& m_text;
    std::vector<std::string> m_reads;
};

}  // namespace memviz::session::eval
