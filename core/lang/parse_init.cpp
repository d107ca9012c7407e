// Initializers (C99 6.7.8): scalars, brace lists nested to any depth, designators `.x =` and
// `[2] =`, brace elision (`int m[2][2] = {1, 2, 3, 4}`), string literals for char arrays, and
// arrays whose length comes from their initializer.
//
// The initializer is first parsed into a tree shaped like the object's type (an InitTree per
// element or member, created on demand), because designators can jump back and forth; the tree is
// then flattened into the Object's list of (offset, type, value) stores. Everything not stored is
// zero: the compiler zero-fills the object first (ast.h, InitItem).
//
// initializer = "{" initializer-list ","? "}" | assign
// initializer-list = designation? initializer ("," designation? initializer)*
// designation = ("[" const-expr "]" | "." ident)+ "="
#include "lang/parse_internal.h"

namespace memviz::lang {
namespace {

struct InitTree {
    explicit InitTree(const Type* t) : type(t) {}
    const Type* type = nullptr;
    Node* expr = nullptr;               // a leaf: scalar value, struct value or string literal
    std::vector<InitTree> children;     // array elements (grown on demand) or record members
    std::optional<std::size_t> chosen;  // union: the member initialized last
};

bool is_char_array(const Type* type) {
    if (!is_array(type)) return false;
    const TypeKind kind = type->element()->kind();
    return kind == TypeKind::Char || kind == TypeKind::SChar || kind == TypeKind::UChar;
}

bool is_aggregate(const Type* type) { return is_array(type) || is_record(type); }

class Initializer {
public:
    Initializer(Parser& parser, bool outer_unbounded) : p(parser), m_unbounded(outer_unbounded) {}

    // The initializer of a whole object, after its `=`.
    void top(InitTree& t) {
        if (p.at("{") || (is_char_array(t.type) && p.tok().kind == TokenKind::String) || !is_aggregate(t.type)) {
            initializer(t);
            return;
        }
        const SourceLoc loc = p.tok().loc;
        Node* e = p.assign();
        if (is_record(t.type) && !e->poisoned && compatible(e->type->unqualified(), t.type->unqualified())) {
            leaf(t, e, loc);
        } else if (!e->poisoned) {
            p.m_diag.error(loc, "invalid initializer");
        }
    }

    void flatten(const InitTree& t, std::uint64_t offset, std::vector<InitItem>& out) const {
        if (t.expr) out.push_back({offset, t.type, t.expr});
        if (is_array(t.type)) {
            const std::uint64_t size = t.type->element()->is_complete() ? t.type->element()->size() : 0;
            for (std::size_t i = 0; i < t.children.size(); ++i) flatten(t.children[i], offset + i * size, out);
        } else if (is_record(t.type)) {
            const auto members = t.type->members();
            for (std::size_t i = 0; i < t.children.size() && i < members.size(); ++i) {
                if (t.type->kind() == TypeKind::Union && t.chosen != i) continue;
                flatten(t.children[i], offset + members[i].offset, out);
            }
        }
    }

private:
    // One initializer for the object `t`, braced or not.
    void initializer(InitTree& t) {
        if (!p.enter(p.tok().loc)) return;
        const SourceLoc loc = p.tok().loc;
        if (is_char_array(t.type) && (p.tok().kind == TokenKind::String ||
                                      (p.at("{") && p.peek(1).kind == TokenKind::String && p.peek(2).is("}")))) {
            const bool braced = p.consume("{");
            string_init(t, p.primary());
            if (braced) p.expect("}");
        } else if (p.consume("{")) {
            if (is_aggregate(t.type)) {
                list(t, true, 0);
            } else if (p.at("}")) {
                p.m_diag.error(loc, "empty scalar initializer");
            } else {
                initializer(t);
                bool warned = false;
                while (p.consume(",") && !p.at("}") && !p.m_panic) {
                    if (!warned) p.m_diag.warning(p.tok().loc, "excess elements in scalar initializer");
                    warned = true;
                    skip();
                }
            }
            p.expect("}");
        } else if (is_array(t.type)) {
            if (p.tok().kind == TokenKind::String)
                p.m_diag.error(loc, "array of inappropriate type initialized from string constant");
            else
                p.m_diag.error(loc, "invalid initializer");
            skip();
        } else {
            leaf(t, p.assign(), loc);
        }
        p.leave();
    }

    // One element of a list: braces may be elided around an aggregate element.
    void element(InitTree& t) {
        const SourceLoc loc = p.tok().loc;
        if (!m_pending) {
            if (p.at("{") || !is_aggregate(t.type) || (is_char_array(t.type) && p.tok().kind == TokenKind::String)) {
                initializer(t);
                return;
            }
            if (is_array(t.type)) {
                list(t, false, 0);
                return;
            }
            m_pending = p.assign();
        }
        if (!is_aggregate(t.type)) {
            leaf(t, take(), loc);
        } else if (is_char_array(t.type) && m_pending->kind == NodeKind::StringLit) {
            string_init(t, take());
        } else if (is_record(t.type) && !m_pending->poisoned &&
                   compatible(m_pending->type->unqualified(), t.type->unqualified())) {
            leaf(t, take(), loc);
        } else if (m_pending->poisoned) {
            take();
        } else {
            list(t, false, 0);
        }
    }

    // The elements of an aggregate from index `start`: inside its braces, or (braces elided)
    // until it is full or a designator shows the enclosing list resumes.
    void list(InitTree& t, bool braced, std::size_t start) {
        if (!p.enter(p.tok().loc)) return;
        std::size_t i = start;
        bool warned = false;
        while (!p.at_eof() && !p.m_panic) {
            if (!m_pending && p.at("}")) break;
            if (!m_pending && (p.at("[") || p.at("."))) {
                if (!braced) break;
                const auto index = designation(t, {});
                if (index) i = *index + 1;
                else discard_designation();
            } else if (!has_room(t, i)) {
                if (!braced) break;
                if (!warned)
                    p.m_diag.warning(p.tok().loc, std::string("excess elements in ") +
                                                      (is_array(t.type) ? "array" : t.type->kind() == TypeKind::Union ? "union" : "struct") +
                                                      " initializer");
                warned = true;
                if (m_pending) take();
                else skip();
            } else {
                element(child(t, i));
                ++i;
            }
            if (!braced && !has_room(t, i)) break;
            if (p.at("[") || p.at(".")) continue;  // an elided list ended at a designator
            if (!p.consume(",")) break;
        }
        p.leave();
    }

    // designation = ("[" const-expr "]" | "." ident)+ "=", then the designated initializer.
    // Returns the index designated at this level.
    std::optional<std::size_t> designation(InitTree& t, std::string field) {
        std::size_t index = 0;
        const SourceLoc loc = p.tok().loc;
        if (field.empty() && p.consume("[")) {
            const auto value = p.const_expr("array index in initializer");
            p.expect("]");
            if (!is_array(t.type)) {
                p.m_diag.error(loc, "array index in non-array initializer");
                return std::nullopt;
            }
            if (!value) return std::nullopt;
            if (*value < 0 || (t.type->length() && static_cast<std::uint64_t>(*value) >= *t.type->length())) {
                p.m_diag.error(loc, "array index in initializer exceeds array bounds");
                return std::nullopt;
            }
            if (!t.type->length() && *value > 1'000'000) {
                p.m_diag.error(loc, "array index in initializer is too large");
                return std::nullopt;
            }
            index = static_cast<std::size_t>(*value);
        } else {
            if (field.empty()) {
                p.consume(".");
                if (p.tok().kind != TokenKind::Identifier) {
                    p.syntax_error("expected identifier before " + p.spelling());
                    return std::nullopt;
                }
                field = p.tok().text;
                p.advance();
            }
            if (!is_record(t.type)) {
                p.m_diag.error(loc, "field name not in record or union initializer");
                return std::nullopt;
            }
            const auto members = t.type->members();
            std::optional<std::size_t> found;
            bool through_anonymous = false;
            for (std::size_t m = 0; m < members.size() && !found; ++m) {
                if (members[m].name == field) found = m;
                else if (members[m].name.empty() && p.m_types.find_member(members[m].type, field)) {
                    found = m;
                    through_anonymous = true;
                }
            }
            if (!found) {
                p.m_diag.error(loc, "unknown field '" + field + "' specified in initializer");
                return std::nullopt;
            }
            index = *found;
            if (through_anonymous) {
                InitTree& inner = child(t, index);
                const auto j = designation(inner, field);
                if (j) continue_elided(inner, *j + 1);
                return index;
            }
        }
        InitTree& target = child(t, index);
        if (p.at("[") || p.at(".")) {
            const auto j = designation(target, {});
            if (j) continue_elided(target, *j + 1);
        } else if (p.expect("=")) {
            element(target);
        }
        return index;
    }

    // After `[0][0] = 1` the initializers that follow, without braces, fill the inner aggregate
    // from `next` on (`{[0][0] = 1, 2}` sets [0][1]), unless a designator or the closing brace
    // comes first: then the comma belongs to the enclosing list.
    void continue_elided(InitTree& t, std::size_t next) {
        if (!p.at(",")) return;
        const Token& after = p.peek(1);
        if (after.is("[") || after.is(".") || after.is("}") || !has_room(t, next)) return;
        p.consume(",");
        list(t, false, next);
    }

    bool has_room(const InitTree& t, std::size_t i) const {
        if (is_array(t.type)) return t.type->length() ? i < *t.type->length() : m_unbounded && &t == m_root;
        if (t.type->kind() == TypeKind::Union) return i == 0 && !t.type->members().empty();
        return i < t.type->members().size();
    }

    InitTree& child(InitTree& t, std::size_t i) {
        if (t.expr) t.expr = nullptr;  // a later designator overrides a whole-struct value
        if (is_array(t.type)) {
            if (t.children.size() <= i) t.children.resize(i + 1, InitTree{t.type->element()});
            return t.children[i];
        }
        const auto members = t.type->members();
        if (t.children.size() != members.size()) {
            t.children.clear();
            for (const Member& m : members) t.children.push_back(InitTree{m.type});
        }
        if (t.type->kind() == TypeKind::Union && t.chosen != i) {
            for (InitTree& c : t.children) c = InitTree{c.type};
            t.chosen = i;
        }
        return t.children[i];
    }

    void leaf(InitTree& t, Node* e, SourceLoc loc) {
        t.children.clear();
        if (is_array(t.type) && t.type->length() == std::nullopt) {
            p.m_diag.error(loc, "not supported yet: initialization of a flexible array member");
            return;
        }
        t.expr = p.assignment_conversion(t.type->unqualified(), e, {AssignKind::Initialization, 0, {}}, loc);
    }

    void string_init(InitTree& t, Node* str) {
        if (str->kind != NodeKind::StringLit) return;
        const std::uint64_t length = str->type->length().value_or(1);  // bytes + the zero
        if (!t.type->length()) {
            if (&t != m_root) {
                p.m_diag.error(str->loc, "not supported yet: initialization of a flexible array member");
                return;
            }
            m_root_length = std::max<std::uint64_t>(m_root_length, length);
        } else if (length - 1 > *t.type->length()) {
            p.m_diag.warning(str->loc, "initializer-string for array of '" + to_string(t.type->element()) + "' is too long");
        }
        t.children.clear();
        t.expr = str;
    }

    // The rest of a designation that failed: its designators and initializer.
    void discard_designation() {
        while (!p.at_eof() && !p.m_panic) {
            if (p.consume("[")) {
                while (!p.at_eof() && !p.at("]")) p.advance();
                p.advance();
            } else if (p.consume(".")) {
                p.advance();
            } else {
                break;
            }
        }
        if (p.consume("=")) skip();
    }

    Node* take() {
        Node* e = m_pending;
        m_pending = nullptr;
        return e;
    }

    // An initializer that goes nowhere, parsed for its diagnostics.
    void skip() {
        if (p.at("{")) {
            InitTree scratch{p.m_types.basic(TypeKind::Int)};
            initializer(scratch);
        } else {
            p.assign();
        }
    }

    Parser& p;
    bool m_unbounded;
    Node* m_pending = nullptr;  // an expression already parsed, for the next scalar (brace elision)

public:
    const InitTree* m_root = nullptr;
    std::uint64_t m_root_length = 0;  // a `char s[] = "..."` root's length
};

}  // namespace

void Parser::initialize(Object* var, SourceLoc loc) {
    const bool unbounded = is_array(var->type) && !var->type->length();
    InitTree root{var->type};
    Initializer init(*this, unbounded);
    init.m_root = &root;
    init.top(root);
    if (unbounded) {
        std::uint64_t length = std::max<std::uint64_t>(root.children.size(), init.m_root_length);
        if (auto array = m_types.array_of(var->type->element(), length); array.ok()) {
            var->type = array.value();
            root.type = var->type;
        }
    }
    var->has_init = true;
    var->init.clear();
    init.flatten(root, 0, var->init);
    const bool is_static = var->storage == Storage::Global || var->storage == Storage::StaticLocal;
    for (InitItem& item : var->init) {
        if (item.type == nullptr || item.value == nullptr) continue;
        if (item.value->kind == NodeKind::StringLit) continue;  // bytes copied at load
        if (!is_static || item.value->poisoned) continue;
        if (Node* folded = fold_static(item.value)) item.value = folded;
        else m_diag.error(item.value->loc, "initializer element is not constant");
    }
    (void)loc;
}

}  // namespace memviz::lang
