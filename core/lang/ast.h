// The abstract syntax tree the parser (parse.h) builds: a fully typed program with every name
// resolved, ready for the bytecode compiler.
//
// One idea to read it by: nothing here is implicit any more. Each expression node carries its C
// type; every conversion C applies silently (integer promotions, usual arithmetic conversions,
// assignment conversions, argument conversions) is a Cast node with `implicit` set; arrays and
// functions used as values are wrapped in a Decay node; pointer arithmetic has its own node kinds.
// The compiler never has to ask "what does C do here?", only "how do I do this node?".
//
// Conventions the compiler relies on:
//  - lvalues are VarRef, Deref, Member, StringLit and CompoundLiteral. Where C wants a value
//    (any operand except those listed next), the compiler loads the lvalue's bytes. The operand
//    of Addr, Decay, PreInc/PreDec/PostInc/PostDec, the lhs of Assign/CompoundAssign and the base
//    of Member are used as places, not loaded.
//  - `a->m` is Member(Deref(a)); `a[i]` is Deref(PtrAdd(a', i')), where a' and i' are the
//    decayed pointer and the index (PtrAdd's pointer operand is always lhs).
//  - PtrAdd/PtrSub: lhs a pointer, rhs an integer already converted to ptrdiff_t (long in LP64,
//    int in ILP32); the byte offset is rhs * sizeof(*lhs). PtrDiff: both pointers to compatible
//    types, result (ptrdiff_t) is the byte difference divided by sizeof(*lhs).
//  - Arithmetic and comparison operands have already been converted to one common type (the
//    type of the operation, `operand_type()` = lhs->type); shifts convert each side separately.
//    Comparisons, LogNot, LogAnd and LogOr have type int. LogAnd/LogOr/LogNot and every
//    condition (if, while, for, ?:) take any scalar and compare it with zero.
//  - Assign: rhs is already converted to the lhs's unqualified type. CompoundAssign `a op= b`:
//    `op` is the binary kind (Add, PtrAdd, Shl, ...), `compute_type` the type the operation runs
//    in; rhs is already converted to compute_type (to ptrdiff_t for PtrAdd/PtrSub, to its
//    promoted type for shifts); the compiler loads a, converts it to compute_type, applies op,
//    converts the result to a's type, stores it; the value is the stored value.
//  - PreInc/PostInc/...: add or subtract 1, or sizeof(*p) for a pointer operand.
//  - sizeof, _Alignof, __builtin_offsetof and enum constants are folded to IntLit.
//  - Call: `callee` is a FuncRef (a direct call, type: the function type) or any expression of
//    pointer-to-function type (an indirect call). Arguments are already converted: to the
//    parameter types, or by the default argument promotions for `...` and unprototyped calls.
//  - Cast to void discards; to _Bool compares with zero; between pointers and integers keeps
//    the bits (truncated or zero/sign-extended as the integer types say).
//  - Member's lhs may also be a struct *value* that is no lvalue (`f().x`, `(a = b).x`): the
//    compiler evaluates it into a temporary. Decay's lhs may be a Deref of a function pointer
//    (`(*fp)(x)`): its value is the pointer.
//  - ExprStmt evaluates lhs and discards the value (lhs is not decayed: it may be an array).
//  - In static initializers, IntLit may have a pointer type (`int *p = 0`, `(char *)0x10`).
//  - `main` reaching its closing brace returns 0 (C99 5.1.2.2.3); any other non-void function
//    falling off its end has been warned about and returns an indeterminate value.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "lang/types.h"
#include "support/diagnostics.h"

namespace memviz::lang {

enum class NodeKind : std::uint8_t {
    // Expressions
    IntLit,          // int_value (two's complement bits, as wide as `type`)
    FloatLit,        // float_value
    StringLit,       // string_index into Program::strings; type char[n] (an lvalue array)
    VarRef,          // var
    FuncRef,         // func; type: the function type (a designator; Decay makes a pointer)
    Neg, BitNot, LogNot,   // lhs
    Addr, Deref,           // lhs
    PreInc, PreDec, PostInc, PostDec,  // lhs (an lvalue)
    Cast,            // lhs converted to type; `implicit` when C inserted it
    Decay,           // lhs: array lvalue or function designator; value: its address
    Member,          // lhs.member: lhs a struct/union lvalue; member_offset, member_name
    Add, Sub, Mul, Div, Mod, Shl, Shr,
    BitAnd, BitXor, BitOr,
    Lt, Le, Gt, Ge, Eq, Ne,
    LogAnd, LogOr,
    PtrAdd, PtrSub, PtrDiff,
    Assign,          // lhs = rhs
    CompoundAssign,  // lhs op= rhs (op, compute_type)
    Cond,            // cond ? then : els
    Comma,           // lhs, rhs
    Call,            // callee(args...)
    CompoundLiteral, // (T){...}: var is the unnamed object, initialized where the literal is
    // Statements
    Block,           // stmts
    ExprStmt,        // lhs
    If,              // cond, then, els (may be null)
    While,           // cond, body
    DoWhile,         // body, cond
    For,             // init (a Block of Decls, an ExprStmt or null), cond, inc, body (nulls allowed)
    Switch,          // cond (promoted), body; cases lists its Case nodes, default_case
    Case,            // case_value; body: the statement after the label
    Default,         // body
    Break, Continue, // target: the loop or switch
    Return,          // lhs (null for `return;`), converted to the return type
    Goto,            // label_name; target: the Label
    Label,           // label_name, body
    Decl,            // var: the object, initialized here (locals) or at load (statics)
    Null,            // ;
};

struct Node;
struct Function;

// Where an object lives: globals and static locals for the whole run, locals and parameters in
// their function's frame.
enum class Storage : std::uint8_t { Global, StaticLocal, Local, Param };

// One store of an initializer. Applying an initializer means: fill the whole object with zeros,
// then store each item in order. `value` is a scalar expression already converted to `type`,
// an expression of struct/union `type` (copied), or a StringLit for a char array `type` (copy
// min(sizeof type, length + 1) bytes). For objects with static storage every value is constant:
// IntLit, FloatLit, or an address constant made of Decay/Addr of a VarRef, FuncRef or StringLit,
// optionally inside PtrAdd/PtrSub with an IntLit and Casts.
struct InitItem {
    std::uint64_t offset = 0;
    const Type* type = nullptr;
    Node* value = nullptr;
};

// A variable (or the unnamed object of a compound literal).
struct Object {
    std::string name;
    const Type* type = nullptr;
    Storage storage = Storage::Local;
    SourceLoc loc;                 // the declarator's name
    SourceLoc scope_begin;         // the name is visible from here...
    SourceLoc scope_end;           // ...to here (the closing brace; for globals, end of file)
    Function* function = nullptr;  // the enclosing function, for locals, params, static locals
    bool has_init = false;
    std::vector<InitItem> init;
    bool is_extern = false;        // declared `extern` and never defined here (errno, stdin)
    bool is_static = false;        // internal linkage (a static global)
    bool used = false;
    std::uint16_t file = 0;        // 0: the user's program; n: built-in header n
};

struct Function {
    std::string name;
    const Type* type = nullptr;    // a Function type
    SourceLoc loc;                 // of the first declaration
    SourceLoc definition_loc;      // of the definition's name, if defined
    std::vector<Object*> params;   // definitions only, in order
    std::vector<Object*> locals;   // every Local and StaticLocal of the body, in declaration
                                   // order (compound literals' objects included)
    Node* body = nullptr;          // a Block; null for a declaration only (library functions)
    bool is_static = false;
    bool implicit = false;         // implicitly declared by a call: `int f()`
    bool used = false;
    std::uint16_t file = 0;
};

struct StringLiteral {
    std::string bytes;             // without the terminating zero (which the array type counts)
    SourceLoc loc;
};

struct Node {
    NodeKind kind = NodeKind::Null;
    SourceLoc loc;                 // the operator or the statement's first token
    const Type* type = nullptr;    // expressions only

    Node* lhs = nullptr;
    Node* rhs = nullptr;
    Node* cond = nullptr;
    Node* then = nullptr;
    Node* els = nullptr;
    Node* init = nullptr;
    Node* inc = nullptr;
    Node* body = nullptr;
    Node* callee = nullptr;
    Node* target = nullptr;        // Break/Continue: loop or switch; Goto: its Label
    std::vector<Node*> args;       // Call arguments
    std::vector<Node*> stmts;      // Block
    std::vector<Node*> cases;      // Switch: its Case nodes in order
    Node* default_case = nullptr;  // Switch

    std::uint64_t int_value = 0;
    double float_value = 0.0;
    std::int64_t case_value = 0;
    std::uint32_t string_index = 0;
    Object* var = nullptr;
    Function* func = nullptr;
    std::uint64_t member_offset = 0;
    std::string member_name;
    std::string label_name;
    NodeKind op = NodeKind::Null;  // CompoundAssign
    const Type* compute_type = nullptr;
    bool implicit = false;         // Cast inserted by C's rules
    bool parenthesized = false;    // written inside ( ): silences `if (x = 0)`
    bool poisoned = false;         // stands for an erroneous expression, already reported
    std::uint32_t depth = 1;       // height of this expression tree (bounded, see parse.h)
};

// A whole translation unit. Nodes, objects and functions live in deques so pointers to them
// stay valid as more are added, and when the Program is moved.
struct Program {
    std::unique_ptr<TypeTable> types;
    std::vector<Object*> globals;      // every Global and StaticLocal, in declaration order
    std::vector<Function*> functions;  // every function declared or defined, in first-seen order
    std::vector<StringLiteral> strings;

    std::deque<Node> node_arena;
    std::deque<Object> object_arena;
    std::deque<Function> function_arena;

    // The function called `name`, or nullptr.
    const Function* find_function(std::string_view name) const;
    // The global (not static local) called `name`, or nullptr.
    const Object* find_global(std::string_view name) const;
};

bool is_expression(NodeKind kind);
// "Add" ... : for tests and debugging dumps.
std::string_view name(NodeKind kind);

}  // namespace memviz::lang
