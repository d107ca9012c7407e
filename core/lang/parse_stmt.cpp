// Statements: blocks and their scopes, the control statements with their break/continue
// targets, switch with its case list, labels and goto (resolved when the function ends), and the
// flow warnings: returning a local's address, a value from a void function, falling off the end
// of a non-void function.
#include <algorithm>

#include "lang/parse_internal.h"

namespace memviz::lang {
namespace {

// The object an lvalue designates part of, looking through members and casts.
const Object* local_object(const Node* node) {
    while (node->kind == NodeKind::Member) node = node->lhs;
    if (node->kind == NodeKind::VarRef || node->kind == NodeKind::CompoundLiteral) {
        const Storage s = node->var->storage;
        if (s == Storage::Local || s == Storage::Param) return node->var;
    }
    return nullptr;
}

bool returns_local_address(const Node* node) {
    while (node->kind == NodeKind::Cast) node = node->lhs;
    if (node->kind == NodeKind::Addr || node->kind == NodeKind::Decay) return local_object(node->lhs) != nullptr;
    if (node->kind == NodeKind::PtrAdd || node->kind == NodeKind::PtrSub) return returns_local_address(node->lhs);
    return false;
}

bool is_declaration_start(const Parser& p) {
    if (p.at("_Static_assert")) return true;
    if (!p.is_typename()) {
        // `foo x;` with an unknown `foo`: a declaration with a misspelled type.
        const Token& t = p.tok();
        return t.kind == TokenKind::Identifier && !is_keyword(t.text) && !p.find_symbol(t.text) &&
               p.peek(1).kind == TokenKind::Identifier && !is_keyword(p.peek(1).text);
    }
    const Symbol* symbol = p.find_symbol(p.tok().text);
    return !(symbol && symbol->kind == Symbol::Kind::Typedef && p.peek(1).is(":"));
}

}  // namespace

// compound-stmt = "{" (declaration | stmt)* "}"
Node* Parser::compound_statement(bool new_scope) {
    Node* block = new_node(NodeKind::Block, tok().loc);
    if (!expect("{")) return block;
    if (new_scope) push_scope();
    while (!at("}") && !at_eof() && !m_diag.full()) {
        const std::size_t start = m_pos;
        if (is_declaration_start(*this)) declaration(false, &block->stmts);
        else block->stmts.push_back(statement());
        if (m_panic) recover();
        if (m_pos == start) advance();
    }
    const SourceLoc close = tok().loc;
    expect("}");
    if (new_scope) pop_scope(close);
    return block;
}

// stmt = "return" expr? ";"
//      | "if" "(" expr ")" stmt ("else" stmt)?
//      | "switch" "(" expr ")" stmt
//      | "case" const-expr ":" stmt
//      | "default" ":" stmt
//      | "for" "(" (declaration | expr? ";") expr? ";" expr? ")" stmt
//      | "while" "(" expr ")" stmt
//      | "do" stmt "while" "(" expr ")" ";"
//      | "goto" ident ";" | "break" ";" | "continue" ";"
//      | ident ":" stmt
//      | compound-stmt
//      | expr? ";"
Node* Parser::statement() {
    const SourceLoc loc = tok().loc;
    if (!enter(loc)) return new_node(NodeKind::Null, loc);
    Node* node = nullptr;
    if (consume("return")) {
        node = new_node(NodeKind::Return, loc);
        const Type* ret = m_function ? m_function->type->return_type() : m_types.basic(TypeKind::Void);
        if (consume(";")) {
            if (!is_void(ret)) m_diag.error(loc, "'return' with no value, in function returning non-void");
        } else {
            Node* e = expr();
            expect(";");
            if (e->poisoned) {
            } else if (is_void(ret)) {
                if (!is_void(e->type)) m_diag.error(loc, "'return' with a value, in function returning void");
                else node->lhs = e;
            } else {
                node->lhs = assignment_conversion(ret->unqualified(), e, {AssignKind::Return, 0, {}}, e->loc);
                if (!node->lhs->poisoned && returns_local_address(node->lhs))
                    m_diag.warning(e->loc, "function returns address of local variable");
            }
        }
    } else if (consume("if")) {
        node = new_node(NodeKind::If, loc);
        expect("(");
        node->cond = condition(expr());
        expect(")");
        node->then = statement();
        if (consume("else")) node->els = statement();
    } else if (consume("switch")) {
        node = new_node(NodeKind::Switch, loc);
        expect("(");
        Node* e = value(expr());
        expect(")");
        if (!e->poisoned && !is_integer(e->type)) {
            m_diag.error(e->loc, "switch quantity not an integer");
            e = poison(e->loc);
        }
        node->cond = e->poisoned ? e : convert(e, m_types.promote(e->type));
        m_switches.push_back(node);
        m_breakables.push_back(node);
        node->body = statement();
        m_breakables.pop_back();
        m_switches.pop_back();
    } else if (at("case") || at("default")) {
        const bool is_case = at("case");
        advance();
        node = new_node(is_case ? NodeKind::Case : NodeKind::Default, loc);
        std::optional<std::int64_t> value;
        if (is_case) value = const_expr("case label");
        expect(":");
        if (m_switches.empty()) {
            m_diag.error(loc, is_case ? "case label not within a switch statement" : "'default' label not within a switch statement");
        } else if (Node* sw = m_switches.back(); is_case && value) {
            const Type* type = sw->cond->type;
            Node* converted = convert(int_literal(static_cast<std::uint64_t>(*value), m_types.basic(TypeKind::LongLong), loc), type);
            node->case_value = evaluate_integer(converted).value_or(*value);
            for (Node* other : sw->cases) {
                if (other->case_value == node->case_value) {
                    Diagnostic& e = m_diag.error(loc, "duplicate case value");
                    Diagnostics::note(e, other->loc, "previously used here");
                    break;
                }
            }
            sw->cases.push_back(node);
        } else if (!is_case) {
            if (sw->default_case) {
                Diagnostic& e = m_diag.error(loc, "multiple default labels in one switch");
                Diagnostics::note(e, sw->default_case->loc, "this is the first default label");
            } else {
                sw->default_case = node;
            }
        }
        node->body = at("}") ? new_node(NodeKind::Null, tok().loc) : statement();
    } else if (consume("for")) {
        node = new_node(NodeKind::For, loc);
        expect("(");
        push_scope();
        if (is_declaration_start(*this)) {
            Node* init = new_node(NodeKind::Block, tok().loc);
            declaration(false, &init->stmts);
            node->init = init;
        } else if (!consume(";")) {
            node->init = new_node(NodeKind::ExprStmt, tok().loc);
            node->init->lhs = expr();
            expect(";");
        }
        if (!at(";")) node->cond = condition(expr());
        expect(";");
        if (!at(")")) node->inc = expr();
        expect(")");
        node->body = loop_body(node);
        pop_scope(m_pos > 0 ? m_tokens[m_pos - 1].loc : loc);
    } else if (consume("while")) {
        node = new_node(NodeKind::While, loc);
        expect("(");
        node->cond = condition(expr());
        expect(")");
        node->body = loop_body(node);
    } else if (consume("do")) {
        node = new_node(NodeKind::DoWhile, loc);
        node->body = loop_body(node);
        if (expect("while")) {
            expect("(");
            node->cond = condition(expr());
            expect(")");
            expect(";");
        }
    } else if (consume("goto")) {
        node = new_node(NodeKind::Goto, loc);
        if (at("*")) {
            syntax_error("not supported yet: computed goto");
        } else if (tok().kind == TokenKind::Identifier) {
            node->label_name = tok().text;
            advance();
            m_gotos.push_back(node);
        } else {
            syntax_error("expected identifier before " + spelling());
        }
        expect(";");
    } else if (at("break") || at("continue")) {
        const bool is_break = at("break");
        advance();
        node = new_node(is_break ? NodeKind::Break : NodeKind::Continue, loc);
        std::vector<Node*>& targets = is_break ? m_breakables : m_loops;
        if (targets.empty()) {
            m_diag.error(loc, is_break ? "break statement not within loop or switch" : "continue statement not within a loop");
        } else {
            node->target = targets.back();
            if (is_break) m_broken.push_back(node->target);
        }
        expect(";");
    } else if (tok().kind == TokenKind::Identifier && !is_keyword(tok().text) && peek(1).is(":")) {
        node = new_node(NodeKind::Label, loc);
        node->label_name = tok().text;
        advance();
        advance();
        if (auto it = m_labels.find(node->label_name); it != m_labels.end()) {
            Diagnostic& e = m_diag.error(loc, "duplicate label '" + node->label_name + "'");
            Diagnostics::note(e, it->second->loc, "previous definition of '" + node->label_name + "' was here");
        } else {
            m_labels[node->label_name] = node;
        }
        if (at("}")) {
            m_diag.warning(loc, "label at end of compound statement");
            node->body = new_node(NodeKind::Null, tok().loc);
        } else if (is_declaration_start(*this)) {
            m_diag.error(tok().loc, "a label can only be part of a statement and a declaration is not a statement");
            node->body = new_node(NodeKind::Null, tok().loc);
        } else {
            node->body = statement();
        }
    } else if (at("{")) {
        node = compound_statement(true);
    } else if (consume(";")) {
        node = new_node(NodeKind::Null, loc);
    } else if (at("else")) {
        syntax_error("'else' without a previous 'if'");
        node = new_node(NodeKind::Null, loc);
    } else {
        node = new_node(NodeKind::ExprStmt, loc);
        node->lhs = expr();
        expect(";");
    }
    leave();
    return node;
}

void Parser::resolve_gotos() {
    for (Node* jump : m_gotos) {
        auto it = m_labels.find(jump->label_name);
        if (it == m_labels.end()) m_diag.error(jump->loc, "label '" + jump->label_name + "' used but not defined");
        else jump->target = it->second;
    }
    m_gotos.clear();
}

// Whether control can reach the end of `node` (a cautious answer: true when unsure).
bool Parser::falls_through(Node* node) {
    if (!node) return true;
    const auto broken = [&] { return std::find(m_broken.begin(), m_broken.end(), node) != m_broken.end(); };
    const auto always = [&](Node* cond) {
        if (!cond) return true;
        const auto v = evaluate(cond);
        return v && (v->is_float ? v->real != 0.0 : v->bits != 0);
    };
    switch (node->kind) {
    case NodeKind::Return: case NodeKind::Goto: case NodeKind::Break: case NodeKind::Continue:
        return false;
    case NodeKind::Block:
        return node->stmts.empty() || falls_through(node->stmts.back());
    case NodeKind::If:
        return !node->els || falls_through(node->then) || falls_through(node->els);
    case NodeKind::While: case NodeKind::For: case NodeKind::DoWhile:
        return !always(node->cond) || broken();
    case NodeKind::Switch:
        return !node->default_case || broken() || falls_through(node->body);
    case NodeKind::Label: case NodeKind::Case: case NodeKind::Default:
        return falls_through(node->body);
    case NodeKind::ExprStmt: {
        const Node* e = node->lhs;
        if (e && e->kind == NodeKind::Call && e->callee->kind == NodeKind::FuncRef) {
            const std::string& name = e->callee->func->name;
            return name != "exit" && name != "abort" && name != "__memviz_assert_fail";
        }
        return true;
    }
    default:
        return true;
    }
}

Node* Parser::loop_body(Node* loop) {
    m_breakables.push_back(loop);
    m_loops.push_back(loop);
    Node* body = statement();
    m_loops.pop_back();
    m_breakables.pop_back();
    return body;
}

}  // namespace memviz::lang
