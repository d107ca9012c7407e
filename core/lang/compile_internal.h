// Shared by compile.cpp (program, frames, globals), compile_expr.cpp and compile_stmt.cpp: the
// emitter for one function's code.
#pragma once

#include <map>
#include <unordered_map>
#include <vector>

#include "lang/compile.h"

namespace memviz::lang::compile_detail {

using vm::Instr;
using vm::Op;

// Where each object and function ended up, for the code that refers to them.
struct Symbols {
    std::unordered_map<const Object*, std::uint32_t> globals;     // index in vm::Program::globals
    std::unordered_map<const Object*, std::int64_t> frame_offset; // locals and parameters
    std::unordered_map<const Function*, std::uint32_t> functions; // defined functions
    std::unordered_map<const Function*, std::uint32_t> library;   // builtin ids
    // Functions returning a struct or union get a hidden first parameter, as on x86-64: the
    // address of the caller's buffer for the result. Its frame offset, by function.
    std::unordered_map<const Function*, std::int64_t> return_buffer;
};

class Emitter {
public:
    Emitter(const Program& program, DataModel model, const Symbols& symbols, Diagnostics& diagnostics,
            vm::Function& out)
        : m_program(program), m_model(model), m_symbols(symbols), m_diagnostics(diagnostics), m_out(out) {}

    void function_body(const Function& function);

    // --- expressions (compile_expr.cpp) -------------------------------------------------------
    // Pushes the value of `node`: one slot, none for void; a struct or union value is its address.
    void expr(const Node* node);
    // Pushes the address of the lvalue `node`.
    void address(const Node* node);
    void load(const Type* type);
    void store(const Type* type);  // [address, value] -> [value]
    void convert(const Type* from, const Type* to);
    void condition(const Node* node);  // pushes 1 or 0 for any scalar
    void initialize(const Object& object);  // a local's initializer, at its declaration

    // --- statements (compile_stmt.cpp) --------------------------------------------------------
    void stmt(const Node* node);

    // --- emission -----------------------------------------------------------------------------
    std::uint32_t emit(Op op, std::int64_t imm = 0, std::uint32_t a = 0, std::uint8_t width = 8, std::uint8_t flags = 0) {
        m_out.code.push_back(Instr{op, width, flags, a, imm});
        return static_cast<std::uint32_t>(m_out.code.size() - 1);
    }
    std::uint32_t here() const { return static_cast<std::uint32_t>(m_out.code.size()); }
    void patch(std::uint32_t jump, std::uint32_t target) { m_out.code[jump].a = target; }
    void point(SourceLoc loc, vm::StepKind kind);
    void unsupported(SourceLoc loc, const std::string& what);

    unsigned pointer_bytes() const { return info(m_model).pointer_bytes; }

private:
    const Program& m_program;
    DataModel m_model;
    const Symbols& m_symbols;
    Diagnostics& m_diagnostics;
    vm::Function& m_out;
    const Function* m_function = nullptr;
    bool m_is_main = false;

    // Jumps to patch once a loop's or switch's end (break) or continue point is known.
    std::map<const Node*, std::vector<std::uint32_t>> m_breaks;
    std::map<const Node*, std::vector<std::uint32_t>> m_continues;
    std::map<const Node*, std::uint32_t> m_labels;                 // Label node -> pc
    std::vector<std::pair<std::uint32_t, const Node*>> m_gotos;    // jump pc -> Label node
    std::map<const Node*, std::uint32_t> m_case_targets;           // Case/Default node -> pc

    void object_address(const Object& object, SourceLoc loc);
    void check_array_bounds(const Node* deref);
    bool indexed_through_pointer(const Node* deref);
    // A hidden slot in the frame for a value the code needs to keep (a struct returned by a call).
    std::int64_t temporary(const Type* type);
    void binary(NodeKind kind, const Type* type, const Type* result);
    void increment(const Node* node);
    void call(const Node* node);
    void switch_stmt(const Node* node);
    void loop(const Node* node);
};

// Width and signedness of a scalar type as instructions need them.
std::uint8_t width_of(const Type* type);
std::uint8_t flags_of(const Type* type);

}  // namespace memviz::lang::compile_detail
