// The expression grammar, one function per precedence level (the binary operators share one
// function driven by a table). Parsing builds nodes through check.cpp, which types them; the
// functions here return expressions as written (an array stays an array) and the operators decay
// their operands, so `sizeof a` and `&a` still see the array.
#include <algorithm>

#include "lang/lexer.h"
#include "lang/parse_internal.h"

namespace memviz::lang {
namespace {

struct BinaryOperator {
    std::string_view spelling;
    NodeKind kind;
};

// Precedence levels from loosest to tightest.
const std::vector<std::vector<BinaryOperator>> kLevels = {
    {{"||", NodeKind::LogOr}},
    {{"&&", NodeKind::LogAnd}},
    {{"|", NodeKind::BitOr}},
    {{"^", NodeKind::BitXor}},
    {{"&", NodeKind::BitAnd}},
    {{"==", NodeKind::Eq}, {"!=", NodeKind::Ne}},
    {{"<", NodeKind::Lt}, {"<=", NodeKind::Le}, {">", NodeKind::Gt}, {">=", NodeKind::Ge}},
    {{"<<", NodeKind::Shl}, {">>", NodeKind::Shr}},
    {{"+", NodeKind::Add}, {"-", NodeKind::Sub}},
    {{"*", NodeKind::Mul}, {"/", NodeKind::Div}, {"%", NodeKind::Mod}},
};

const BinaryOperator kAssignOperators[] = {
    {"=", NodeKind::Assign}, {"+=", NodeKind::Add}, {"-=", NodeKind::Sub}, {"*=", NodeKind::Mul},
    {"/=", NodeKind::Div},   {"%=", NodeKind::Mod}, {"<<=", NodeKind::Shl}, {">>=", NodeKind::Shr},
    {"&=", NodeKind::BitAnd}, {"^=", NodeKind::BitXor}, {"|=", NodeKind::BitOr},
};

}  // namespace

// expr = assign ("," assign)*
Node* Parser::expr() {
    Node* node = assign();
    while (at(",")) {
        const SourceLoc loc = tok().loc;
        advance();
        node = comma_op(node, assign(), loc);
    }
    return node;
}

// assign = conditional (assign-op assign)?
// assign-op = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "<<=" | ">>=" | "&=" | "^=" | "|="
Node* Parser::assign() {
    if (!enter(tok().loc)) return poison(tok().loc);
    Node* node = conditional();
    for (const BinaryOperator& op : kAssignOperators) {
        if (tok().kind == TokenKind::Punctuator && tok().text == op.spelling) {
            const SourceLoc loc = tok().loc;
            advance();
            node = assign_op(op.kind, node, assign(), loc, op.spelling);
            break;
        }
    }
    leave();
    return node;
}

// conditional = logor ("?" expr ":" conditional)?
Node* Parser::conditional() {
    Node* cond = binary(0);
    if (!at("?")) return cond;
    const SourceLoc loc = tok().loc;
    advance();
    if (!enter(loc)) return poison(loc);
    Node* then = expr();
    expect(":");
    Node* els = conditional();
    leave();
    return conditional_op(cond, then, els, loc);
}

// logor = logand ("||" logand)*
// logand = bitor ("&&" bitor)*
// bitor = bitxor ("|" bitxor)*
// bitxor = bitand ("^" bitand)*
// bitand = equality ("&" equality)*
// equality = relational (("==" | "!=") relational)*
// relational = shift (("<" | "<=" | ">" | ">=") shift)*
// shift = add (("<<" | ">>") add)*
// add = mul (("+" | "-") mul)*
// mul = cast (("*" | "/" | "%") cast)*
Node* Parser::binary(int level) {
    if (level == static_cast<int>(kLevels.size())) return cast();
    Node* node = binary(level + 1);
    for (;;) {
        const BinaryOperator* found = nullptr;
        if (tok().kind == TokenKind::Punctuator)
            for (const BinaryOperator& op : kLevels[static_cast<std::size_t>(level)])
                if (tok().text == op.spelling) found = &op;
        if (!found) return node;
        const SourceLoc loc = tok().loc;
        advance();
        node = binary_op(found->kind, node, binary(level + 1), loc, found->spelling);
    }
}

// cast = "(" type-name ")" cast | unary
Node* Parser::cast() {
    if (at("(") && is_typename(peek(1))) {
        const SourceLoc loc = tok().loc;
        advance();
        const Type* type = type_name();
        expect(")");
        if (at("{")) return compound_literal(type, loc);
        if (!enter(loc)) return poison(loc);
        Node* operand = cast();
        leave();
        return cast_to(type, operand, loc);
    }
    return unary();
}

// unary = ("+" | "-" | "*" | "&" | "!" | "~") cast
//       | ("++" | "--") unary
//       | ("sizeof" | "_Alignof") (unary | "(" type-name ")")
//       | postfix
Node* Parser::unary() {
    const SourceLoc loc = tok().loc;
    const bool prefix = tok().kind == TokenKind::Punctuator &&
                        (at("+") || at("-") || at("*") || at("&") || at("!") || at("~") || at("++") || at("--"));
    if (prefix) {
        const std::string op = tok().text;
        advance();
        if (!enter(loc)) return poison(loc);
        Node* operand = op == "++" || op == "--" ? unary() : cast();
        leave();
        if (op == "+") {
            Node* v = value(operand);
            if (!v->poisoned && !is_arithmetic(v->type)) {
                m_diag.error(loc, "wrong type argument to unary plus");
                return poison(loc);
            }
            return v->poisoned ? v : convert(v, m_types.promote(v->type));
        }
        const NodeKind kind = op == "-" ? NodeKind::Neg : op == "*" ? NodeKind::Deref : op == "&" ? NodeKind::Addr
                            : op == "!" ? NodeKind::LogNot : op == "~" ? NodeKind::BitNot
                            : op == "++" ? NodeKind::PreInc : NodeKind::PreDec;
        return unary_op(kind, operand, loc);
    }
    if (at("sizeof") || at("_Alignof") || at("__alignof__")) {
        const bool align = !at("sizeof");
        advance();
        if (at("(") && is_typename(peek(1))) {
            advance();
            const Type* type = type_name();
            expect(")");
            if (at("{")) {  // sizeof (int[]){1, 2, 3}
                Node* literal = compound_literal(type, loc);
                return sizeof_type(literal->type, loc, align);
            }
            return sizeof_type(type, loc, align);
        }
        if (!enter(loc)) return poison(loc);
        Node* operand = unary();
        leave();
        if (operand->poisoned) return operand;
        return sizeof_type(operand->type, loc, align);
    }
    return postfix();
}

// postfix = primary ("[" expr "]" | "(" (assign ("," assign)*)? ")" | "." ident | "->" ident
//                    | "++" | "--")*
Node* Parser::postfix() {
    Node* node = primary();
    for (;;) {
        const SourceLoc loc = tok().loc;
        if (consume("[")) {
            Node* index = expr();
            expect("]");
            Node* base = value(node);
            Node* offset = value(index);
            if (base->poisoned || offset->poisoned) {
                node = poison(loc);
                continue;
            }
            if (!is_pointer(base->type) && !is_pointer(offset->type)) {
                m_diag.error(loc, "subscripted value is neither array nor pointer");
                node = poison(loc);
                continue;
            }
            if (!is_integer(is_pointer(base->type) ? offset->type : base->type)) {
                m_diag.error(loc, "array subscript is not an integer");
                node = poison(loc);
                continue;
            }
            node = unary_op(NodeKind::Deref, binary_op(NodeKind::Add, base, offset, loc, "+"), loc);
        } else if (consume("(")) {
            std::vector<Node*> args;
            while (!at(")") && !at_eof() && !m_panic) {
                args.push_back(assign());
                if (!consume(",")) break;
            }
            expect(")");
            node = call_op(node, std::move(args), loc);
        } else if (at(".") || at("->")) {
            const bool arrow = at("->");
            advance();
            if (tok().kind != TokenKind::Identifier) {
                syntax_error("expected identifier before " + spelling());
                return poison(loc);
            }
            const std::string name = tok().text;
            advance();
            node = member_op(node, name, loc, arrow);
        } else if (at("++") || at("--")) {
            const NodeKind kind = at("++") ? NodeKind::PostInc : NodeKind::PostDec;
            advance();
            node = unary_op(kind, node, loc);
        } else {
            return node;
        }
    }
}

// compound-literal = "(" type-name ")" "{" initializer-list "}"   (after the type name)
Node* Parser::compound_literal(const Type* type, SourceLoc loc) {
    if (is_function(type) || is_void(type)) {
        m_diag.error(loc, "compound literal has invalid type '" + to_string(type) + "'");
        recover();
        return poison(loc);
    }
    Object* var = new_object("", type, m_function ? Storage::Local : Storage::Global, loc);
    var->used = true;
    m_scopes.back().objects.push_back(var);
    initialize(var, loc);
    Node* node = new_node(NodeKind::CompoundLiteral, loc);
    node->var = var;
    node->type = var->type;
    return node;
}

Node* Parser::identifier(const Token& name) {
    const SourceLoc loc = name.loc;
    const Symbol* symbol = find_symbol(name.text);
    if (!symbol) {
        if (at("(")) return [&] {
            Function* func = implicit_declaration(name.text, loc);
            Node* node = new_node(NodeKind::FuncRef, loc);
            node->func = func;
            node->type = func->type;
            return node;
        }();
        if (std::find(m_reported_undeclared.begin(), m_reported_undeclared.end(), name.text) == m_reported_undeclared.end()) {
            m_reported_undeclared.push_back(name.text);
            std::string message = "'" + name.text + "' undeclared" +
                                  (m_function ? " (first use in this function)" : " here (not in a function)");
            const std::string near = closest_name(name.text);
            if (!near.empty()) message += "; did you mean '" + near + "'?";
            m_diag.error(loc, message);
        }
        return poison(loc);
    }
    switch (symbol->kind) {
    case Symbol::Kind::Object: {
        Node* node = new_node(NodeKind::VarRef, loc);
        node->var = symbol->var;
        node->type = symbol->var->type;
        symbol->var->used = true;
        return node;
    }
    case Symbol::Kind::Function: {
        Node* node = new_node(NodeKind::FuncRef, loc);
        node->func = symbol->func;
        node->type = symbol->func->type;
        symbol->func->used = true;
        return node;
    }
    case Symbol::Kind::EnumConstant:
        return int_literal(static_cast<std::uint64_t>(symbol->value), m_types.basic(TypeKind::Int), loc);
    case Symbol::Kind::Typedef:
        break;
    }
    m_diag.error(loc, "expected expression before '" + name.text + "'");
    return poison(loc);
}

// primary = "(" expr ")" | ident | integer | floating | character | string
//         | "__builtin_offsetof" "(" type-name "," ident ("." ident | "[" const-expr "]")* ")"
//         | "__func__"
Node* Parser::primary() {
    const Token& token = tok();
    const SourceLoc loc = token.loc;
    switch (token.kind) {
    case TokenKind::Integer:
    case TokenKind::Character: {
        const Type* type = m_types.basic(TypeKind::Int);
        if (token.kind == TokenKind::Integer) {
            const IntegerType it = literal_type(token, info(m_types.data_model()).long_bytes);
            type = m_types.basic(it.longs == 2 ? (it.is_unsigned ? TypeKind::ULongLong : TypeKind::LongLong)
                               : it.longs == 1 ? (it.is_unsigned ? TypeKind::ULong : TypeKind::Long)
                                               : (it.is_unsigned ? TypeKind::UInt : TypeKind::Int));
        }
        Node* node = int_literal(token.integer, type, loc);
        advance();
        return node;
    }
    case TokenKind::Floating: {
        Node* node = new_node(NodeKind::FloatLit, loc);
        node->float_value = token.floating;
        node->type = m_types.basic(token.is_float ? TypeKind::Float : token.longs ? TypeKind::LongDouble : TypeKind::Double);
        advance();
        return node;
    }
    case TokenKind::String: {
        Node* node = new_node(NodeKind::StringLit, loc);
        node->string_index = static_cast<std::uint32_t>(m_program.strings.size());
        m_program.strings.push_back({token.bytes, loc});
        node->type = m_types.array_of(m_types.basic(TypeKind::Char), token.bytes.size() + 1).value();
        advance();
        return node;
    }
    case TokenKind::Identifier: {
        if (token.text == "__func__" && m_function) {
            Node* node = new_node(NodeKind::StringLit, loc);
            node->string_index = static_cast<std::uint32_t>(m_program.strings.size());
            m_program.strings.push_back({m_function->name, loc});
            node->type = m_types.array_of(m_types.basic(TypeKind::Char), m_function->name.size() + 1).value();
            advance();
            return node;
        }
        if (token.text == "__builtin_offsetof") {
            advance();
            expect("(");
            const Type* type = type_name();
            expect(",");
            std::uint64_t offset = 0;
            const Type* current = type;
            bool ok = true;
            for (bool first = true; ok && !m_panic; first = false) {
                if (!first && consume("[")) {
                    const auto index = const_expr("array index");
                    expect("]");
                    if (!is_array(current) || !index) { ok = false; break; }
                    current = current->element();
                    offset += static_cast<std::uint64_t>(*index) * current->size();
                    continue;
                }
                if (!first && !consume(".")) break;
                if (tok().kind != TokenKind::Identifier) {
                    syntax_error("expected identifier before " + spelling());
                    return poison(loc);
                }
                const auto member = is_record(current) ? m_types.find_member(current, tok().text) : std::nullopt;
                if (!member) {
                    m_diag.error(tok().loc, quote(to_string(current)) + " has no member named " + quote(tok().text));
                    ok = false;
                } else {
                    offset += member->offset;
                    current = member->type;
                }
                advance();
            }
            expect(")");
            return ok ? int_literal(offset, size_type(), loc) : poison(loc);
        }
        if (token.text == "_Generic" || token.text == "__builtin_va_arg" || token.text == "__builtin_va_start" ||
            token.text == "asm" || token.text == "__asm__") {
            m_diag.error(loc, "not supported yet: " + quote(token.text));
            advance();
            skip_parenthesized();
            return poison(loc);
        }
        if (is_keyword(token.text) || is_typename()) {
            syntax_error("expected expression before '" + token.text + "'");
            return poison(loc);
        }
        const Token name = token;
        advance();
        return identifier(name);
    }
    case TokenKind::Punctuator:
        if (token.text == "(") {
            if (peek(1).is("{")) {
                m_diag.error(loc, "not supported yet: statement expressions '({ ... })'");
                skip_parenthesized();
                return poison(loc);
            }
            advance();
            Node* node = expr();
            expect(")");
            node->parenthesized = true;
            return node;
        }
        break;
    case TokenKind::EndOfFile:
        break;
    }
    syntax_error("expected expression before " + spelling());
    return poison(loc);
}

// Skips a balanced `( ... )` group, if the current token opens one.
void Parser::skip_parenthesized() {
    if (!at("(")) return;
    int depth = 0;
    do {
        if (at("(")) ++depth;
        if (at(")")) --depth;
        advance();
    } while (depth > 0 && !at_eof());
}

// const-expr = conditional, evaluated at compile time
std::optional<std::int64_t> Parser::const_expr(std::string_view what) {
    const SourceLoc loc = tok().loc;
    Node* node = conditional();
    if (node->poisoned) return std::nullopt;
    if (!is_integer(node->type)) {
        m_diag.error(loc, std::string(what) + " is not an integer constant expression");
        return std::nullopt;
    }
    const auto value = evaluate_integer(node);
    if (!value) m_diag.error(loc, std::string(what) + " is not an integer constant expression");
    return value;
}

}  // namespace memviz::lang
