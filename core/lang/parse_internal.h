// The Parser shared by parse*.cpp, check.cpp and constant.cpp. Not a public header: parse.h is.
//
// State to know: `m_pos` indexes the current token (the vector always ends with EndOfFile, and
// the parser never moves past it); `m_scopes` is the stack of block scopes, [0] being file scope;
// `m_function` is the function whose body is being parsed (null at file scope).
//
// Error recovery: a syntax error sets `m_panic`, which silences further syntax errors until the
// statement or declaration being parsed is abandoned by `recover()` (skip to the next `;` at the
// same brace depth, or to a `}`). Type errors don't panic: the offending expression becomes a
// `poisoned` node, and operations on poisoned operands stay quiet.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/parse.h"
#include "lang/token.h"

namespace memviz::lang {

// What an ordinary identifier names in a scope.
struct Symbol {
    enum class Kind : std::uint8_t { Object, Function, Typedef, EnumConstant };
    Kind kind = Kind::Object;
    Object* var = nullptr;
    Function* func = nullptr;
    const Type* type = nullptr;  // Typedef: the type; EnumConstant: its enum
    std::int64_t value = 0;      // EnumConstant
    SourceLoc loc;
    std::uint16_t file = 0;
};

struct TagSymbol {
    const Type* type = nullptr;
    SourceLoc loc;
};

struct Scope {
    std::unordered_map<std::string, Symbol> names;
    std::unordered_map<std::string, TagSymbol> tags;
    std::vector<Object*> objects;  // declared here, to close their scope ranges
};

// The scopes one function's body has at a place in it, copied as the parser passes the place
// (parse_in_scope: a debugger's expression is parsed in them).
struct ScopeProbe {
    std::string function;          // whose body
    SourceLoc at;                  // the first token at or after this place takes the copy
    bool taken = false;
    Function* owner = nullptr;     // the function, once taken
    std::vector<Scope> scopes;     // its parameters' scope and the blocks open there, outermost first
};

enum class StorageClass : std::uint8_t { None, Typedef, Extern, Static, Auto, Register };

struct DeclSpec {
    const Type* type = nullptr;
    StorageClass storage = StorageClass::None;
    bool is_inline = false;
    bool defined_tag = false;    // `struct s { ... }` or an enum body: `struct s {...};` is fine
    bool declared_tag = false;   // `struct s;` forward declaration
    SourceLoc loc;
};

struct ParamInfo {
    std::string name;
    SourceLoc loc;
    const Type* type = nullptr;  // adjusted
};

struct Declarator {
    const Type* type = nullptr;
    std::string name;
    SourceLoc loc;
    std::uint16_t file = 0;
    std::vector<ParamInfo> params;  // of the function suffix written right after the name
    bool has_params = false;
};

// A constant's value: integer bits (as wide as its type) or a floating value.
struct ConstValue {
    bool is_float = false;
    std::uint64_t bits = 0;
    double real = 0.0;
};

class Parser {
public:
    Parser(std::vector<Token> tokens, DataModel model, Diagnostics& diagnostics);
    Program run();
    void translation_unit();  // every external declaration, up to the end of the tokens

    // ---- parse.cpp: tokens, diagnostics, scopes ----
    const Token& tok() const { return m_tokens[m_pos]; }
    const Token& peek(std::size_t ahead) const;
    bool at(std::string_view spelling) const { return tok().is(spelling); }
    bool at_eof() const { return tok().kind == TokenKind::EndOfFile; }
    void advance();
    void take_probe();  // copies the scopes into m_probe when the parser has reached its place
    bool consume(std::string_view spelling);
    bool expect(std::string_view spelling, std::string_view context = {});
    void syntax_error(std::string message);
    void recover();
    bool enter(SourceLoc loc);  // nesting guard; false (and one error) past kMaxNesting
    void leave() { --m_depth; }
    void push_scope();
    void pop_scope(SourceLoc end);
    const Symbol* find_symbol(std::string_view name) const;
    Symbol* find_symbol_in_current(std::string_view name);
    const TagSymbol* find_tag(std::string_view name, bool current_only) const;
    std::string closest_name(std::string_view name) const;
    void note_declared(Diagnostic& d, SourceLoc loc, std::uint16_t file, std::string_view name,
                       std::string_view what = "declared");
    std::string spelling() const;  // the current token, for messages
    Node* new_node(NodeKind kind, SourceLoc loc);
    Object* new_object(std::string name, const Type* type, Storage storage, SourceLoc loc);
    Function* declare_function(const Declarator& d, const DeclSpec& spec);
    Object* declare_object(const Declarator& d, const DeclSpec& spec, bool file_scope);
    void external_declaration();
    void function_definition(Function* func, const Declarator& d);
    Function* implicit_declaration(const std::string& name, SourceLoc loc);

    // ---- parse_decl.cpp ----
    bool is_typename() const;
    bool is_typename(const Token& token) const;
    DeclSpec declspec(bool allow_storage);
    Declarator declarator(const Type* base, bool abstract);
    const Type* type_suffix(const Type* base, Declarator& out);
    const Type* type_name();
    const Type* struct_or_union(TypeKind kind);
    const Type* enum_specifier();
    void typedef_declaration(const DeclSpec& spec, const Declarator& d);
    void declaration(bool file_scope, std::vector<Node*>* stmts);  // a block or file declaration
    std::optional<std::int64_t> array_length(std::string_view name);
    void static_assert_declaration();

    // ---- parse_init.cpp ----
    void initialize(Object* var, SourceLoc loc);

    // ---- parse_expr.cpp ----
    Node* expr();
    Node* assign();
    Node* conditional();
    Node* binary(int level);
    Node* cast();
    Node* unary();
    Node* postfix();
    Node* primary();
    Node* compound_literal(const Type* type, SourceLoc loc);
    Node* identifier(const Token& name);
    void skip_parenthesized();
    std::optional<std::int64_t> const_expr(std::string_view what);

    // ---- check.cpp: type rules ----
    Node* poison(SourceLoc loc);
    Node* value(Node* node);  // decay arrays and functions
    Node* convert(Node* node, const Type* to);
    Node* cast_to(const Type* to, Node* node, SourceLoc loc);
    Node* assignment_conversion(const Type* to, Node* node, AssignContext context, SourceLoc loc,
                                Function* callee = nullptr);
    Node* unary_op(NodeKind kind, Node* operand, SourceLoc loc);
    Node* binary_op(NodeKind kind, Node* lhs, Node* rhs, SourceLoc loc, std::string_view spelling);
    Node* assign_op(NodeKind op, Node* lhs, Node* rhs, SourceLoc loc, std::string_view spelling);
    Node* conditional_op(Node* cond, Node* then, Node* els, SourceLoc loc);
    Node* comma_op(Node* lhs, Node* rhs, SourceLoc loc);
    Node* member_op(Node* base, const std::string& name, SourceLoc loc, bool arrow);
    Node* call_op(Node* callee, std::vector<Node*> args, SourceLoc loc);
    Node* sizeof_type(const Type* type, SourceLoc loc, bool align);
    Node* int_literal(std::uint64_t value, const Type* type, SourceLoc loc);
    Node* condition(Node* node);  // a controlling expression: scalar, warns about `if (x = 0)`
    bool check_scalar(Node* node, std::string_view what);
    bool check_modifiable(Node* node, std::string_view action, SourceLoc loc);
    bool check_pointer_arithmetic(const Type* pointer, SourceLoc loc);
    bool is_null_constant(Node* node);
    const Type* size_type() const;
    const Type* ptrdiff_type() const;
    void check_depth(Node* node);

    // ---- constant.cpp ----
    std::optional<ConstValue> evaluate(Node* node);
    std::optional<std::int64_t> evaluate_integer(Node* node);
    bool is_address_constant(Node* node);
    Node* fold_static(Node* node);  // a static initializer's value, folded; null if not constant

    // ---- parse_stmt.cpp ----
    Node* statement();
    // The body of `loop`, parsed with `loop` as the target of break and continue.
    Node* loop_body(Node* loop);
    Node* compound_statement(bool new_scope);
    void resolve_gotos();
    bool falls_through(Node* node);

    // State
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    Diagnostics& m_diag;
    Program m_program;
    TypeTable& m_types;
    std::vector<Scope> m_scopes;
    Function* m_function = nullptr;
    bool m_panic = false;
    std::size_t m_depth = 0;
    bool m_depth_reported = false;
    bool m_depth_error_reported = false;
    std::vector<Node*> m_breakables;   // loops and switches, innermost last
    std::vector<Node*> m_loops;        // loops only, for continue
    std::vector<Node*> m_switches;
    std::vector<const Node*> m_broken;  // loops and switches some `break` leaves
    std::map<std::string, Node*> m_labels;
    std::vector<Node*> m_gotos;
    std::vector<std::string> m_reported_undeclared;  // per function: each name once
    SourceLoc m_end_loc;
    ScopeProbe* m_probe = nullptr;     // parse_in_scope only
};

// `text` in single quotes, as messages show names and types. (Built by appending, which also
// avoids a gcc 12 -Wrestrict false positive on `"'" + std::string(...)`.)
inline std::string quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '\'';
    out += text;
    out += '\'';
    return out;
}

// Edit distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace memviz::lang
