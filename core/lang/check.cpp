// The type rules of expressions (C99 6.5), in one place: each function here takes operands as the
// parser found them, decays and converts them (inserting implicit Cast and Decay nodes), reports
// what C forbids or warns about, and returns the typed node. A `poisoned` operand (an error
// already reported) makes the result poisoned too, silently, so one mistake gives one message.
#include <algorithm>

#include "lang/headers.h"
#include "lang/parse_internal.h"

namespace memviz::lang {
namespace {

bool is_lvalue(const Node* node) {
    switch (node->kind) {
    case NodeKind::VarRef: case NodeKind::Deref: case NodeKind::StringLit: case NodeKind::CompoundLiteral:
        return true;
    case NodeKind::Member:
        return is_lvalue(node->lhs);
    default:
        return false;
    }
}

std::string have(const Type* a, const Type* b) {
    return " (have '" + to_string(a) + "' and '" + to_string(b) + "')";
}

bool is_object_pointer(const Type* type) {
    return is_pointer(type) && !is_function(type->pointee());
}

}  // namespace

Node* Parser::poison(SourceLoc loc) {
    Node* node = int_literal(0, m_types.basic(TypeKind::Int), loc);
    node->poisoned = true;
    return node;
}

const Type* Parser::size_type() const {
    return m_types.basic(m_types.data_model() == DataModel::LP64 ? TypeKind::ULong : TypeKind::UInt);
}

const Type* Parser::ptrdiff_type() const {
    return m_types.basic(m_types.data_model() == DataModel::LP64 ? TypeKind::Long : TypeKind::Int);
}

Node* Parser::int_literal(std::uint64_t value, const Type* type, SourceLoc loc) {
    Node* node = new_node(NodeKind::IntLit, loc);
    node->type = type;
    node->int_value = value;
    return node;
}

void Parser::check_depth(Node* node) {
    std::uint32_t depth = 0;
    for (const Node* child : {node->lhs, node->rhs, node->cond, node->then, node->els, node->callee})
        if (child) depth = std::max(depth, child->depth);
    for (const Node* arg : node->args) depth = std::max(depth, arg->depth);
    node->depth = depth + 1;
    if (node->depth <= kMaxExpressionDepth) return;
    if (!m_depth_error_reported)
        m_diag.error(node->loc, "expression too deeply nested (more than " + std::to_string(kMaxExpressionDepth) + " levels)");
    m_depth_error_reported = true;
    *node = Node{};
    node->kind = NodeKind::IntLit;
    node->type = m_types.basic(TypeKind::Int);
    node->poisoned = true;
}

static Node* make(Parser& p, NodeKind kind, SourceLoc loc, const Type* type, Node* lhs, Node* rhs = nullptr) {
    Node* node = p.new_node(kind, loc);
    node->type = type;
    node->lhs = lhs;
    node->rhs = rhs;
    p.check_depth(node);
    return node;
}

Node* Parser::value(Node* node) {
    if (node->poisoned || !node->type) return node;
    if (is_array(node->type) || is_function(node->type)) return make(*this, NodeKind::Decay, node->loc, m_types.decay(node->type), node);
    return node;
}

Node* Parser::convert(Node* node, const Type* to) {
    if (node->poisoned || node->type->unqualified() == to->unqualified()) return node;
    Node* cast = make(*this, NodeKind::Cast, node->loc, to->unqualified(), node);
    cast->implicit = true;
    return cast;
}

Node* Parser::cast_to(const Type* to, Node* operand, SourceLoc loc) {
    Node* v = value(operand);
    if (v->poisoned) return v;
    const Type* from = v->type;
    std::string problem;
    if (is_void(to)) {
    } else if (is_array(to)) problem = "cast specifies array type";
    else if (is_function(to)) problem = "cast specifies function type";
    else if (is_record(to)) problem = "conversion to non-scalar type requested";
    else if (is_void(from)) problem = "void value not ignored as it ought to be";
    else if (is_record(from)) problem = "aggregate value used where a scalar was expected";
    else if (is_pointer(to) && is_floating(from)) problem = "cannot convert to a pointer type";
    else if (is_floating(to) && is_pointer(from)) problem = "pointer value used where a floating-point was expected";
    if (!problem.empty()) {
        m_diag.error(loc, problem);
        return poison(loc);
    }
    Node* cast = make(*this, NodeKind::Cast, loc, to->unqualified(), v);
    return cast;
}

bool Parser::is_null_constant(Node* node) {
    if (node->kind == NodeKind::Cast && is_pointer(node->type) && is_void(node->type->pointee()) &&
        node->type->pointee()->quals().none())
        return is_null_constant(node->lhs);
    if (!is_integer(node->type)) return false;
    const auto value = evaluate_integer(node);
    return value && *value == 0;
}

Node* Parser::assignment_conversion(const Type* to, Node* node, AssignContext context, SourceLoc loc, Function* callee) {
    Node* v = value(node);
    if (v->poisoned) return v;
    const AssignCheck check = m_types.check_assignment(to, v->type, is_null_constant(v), context);
    if (check.verdict != Verdict::Ok) {
        Diagnostic& d = check.verdict == Verdict::Error ? m_diag.error(loc, check.message) : m_diag.warning(loc, check.message);
        if (!check.note.empty()) {
            if (callee && callee->file == kMainFile) Diagnostics::note(d, callee->loc, check.note);
            else Diagnostics::note(d, {}, check.note);
        }
        if (check.verdict == Verdict::Error) return poison(loc);
    }
    return convert(v, to);
}

bool Parser::check_scalar(Node* node, std::string_view what) {
    if (node->poisoned || is_scalar(node->type)) return !node->poisoned;
    if (is_void(node->type)) m_diag.error(node->loc, "void value not ignored as it ought to be");
    else m_diag.error(node->loc, "used " + std::string(is_array(node->type) ? "array" : is_record(node->type) ? "struct" : "non-scalar") +
                                     " type value where scalar is required" + (what.empty() ? "" : " in " + std::string(what)));
    return false;
}

Node* Parser::condition(Node* node) {
    if (node->kind == NodeKind::Assign && !node->parenthesized)
        m_diag.warning(node->loc, "suggest parentheses around assignment used as truth value");
    Node* v = value(node);
    if (!check_scalar(v, "")) return poison(node->loc);
    return v;
}

// Whether `node`, an lvalue of its type, may be stored to; reports why not. `action` is
// "assignment", "increment" or "decrement".
bool Parser::check_modifiable(Node* node, std::string_view action, SourceLoc loc) {
    if (!is_lvalue(node) || is_function(node->type)) {
        m_diag.error(loc, action == "assignment" ? "lvalue required as left operand of assignment"
                                                 : "lvalue required as " + std::string(action) + " operand");
        return false;
    }
    if (is_array(node->type)) {
        m_diag.error(loc, std::string(action) + " to expression with array type");
        return false;
    }
    if (node->type->quals().is_const) {
        if (node->kind == NodeKind::VarRef)
            m_diag.error(loc, std::string(action) + " of read-only variable '" + node->var->name + "'");
        else if (node->kind == NodeKind::Member)
            m_diag.error(loc, std::string(action) + " of read-only member '" + node->member_name + "'");
        else
            m_diag.error(loc, std::string(action) + " of read-only location");
        return false;
    }
    if (!node->type->is_complete()) {
        m_diag.error(loc, "invalid use of incomplete type '" + to_string(node->type) + "'");
        return false;
    }
    return true;
}

// Pointer arithmetic needs the size of what is pointed to.
bool Parser::check_pointer_arithmetic(const Type* pointer, SourceLoc loc) {
    const Type* pointee = pointer->pointee();
    if (pointee->is_complete()) return true;
    if (is_void(pointee)) m_diag.error(loc, "pointer of type 'void *' used in arithmetic");
    else if (is_function(pointee)) m_diag.error(loc, "pointer to a function used in arithmetic");
    else m_diag.error(loc, "arithmetic on a pointer to an incomplete type '" + to_string(pointee) + "'");
    return false;
}

Node* Parser::unary_op(NodeKind kind, Node* operand, SourceLoc loc) {
    if (operand->poisoned) return operand;
    switch (kind) {
    case NodeKind::Addr:
        if (operand->kind == NodeKind::FuncRef || (is_lvalue(operand) && !is_function(operand->type)) ||
            (operand->kind == NodeKind::Deref && is_function(operand->type)))
            return make(*this, NodeKind::Addr, loc, m_types.pointer_to(operand->type), operand);
        m_diag.error(loc, "lvalue required as unary '&' operand");
        return poison(loc);
    case NodeKind::Deref: {
        Node* v = value(operand);
        if (!is_pointer(v->type)) {
            m_diag.error(loc, "invalid type argument of unary '*' (have '" + to_string(v->type) + "')");
            return poison(loc);
        }
        if (is_void(v->type->pointee())) {
            m_diag.error(loc, "dereferencing '" + to_string(v->type) + "' pointer");
            return poison(loc);
        }
        return make(*this, NodeKind::Deref, loc, v->type->pointee(), v);
    }
    case NodeKind::Neg:
    case NodeKind::BitNot: {
        Node* v = value(operand);
        const bool ok = kind == NodeKind::Neg ? is_arithmetic(v->type) : is_integer(v->type);
        if (!ok) {
            m_diag.error(loc, kind == NodeKind::Neg ? "wrong type argument to unary minus" : "wrong type argument to bit-complement");
            return poison(loc);
        }
        const Type* type = m_types.promote(v->type);
        return make(*this, kind, loc, type, convert(v, type));
    }
    case NodeKind::LogNot: {
        Node* v = value(operand);
        if (!is_scalar(v->type)) {
            m_diag.error(loc, "wrong type argument to unary exclamation mark");
            return poison(loc);
        }
        return make(*this, kind, loc, m_types.basic(TypeKind::Int), v);
    }
    default: {  // ++ and --
        const bool increment = kind == NodeKind::PreInc || kind == NodeKind::PostInc;
        if (!check_modifiable(operand, increment ? "increment" : "decrement", loc)) return poison(loc);
        if (!is_scalar(operand->type)) {
            m_diag.error(loc, increment ? "wrong type argument to increment" : "wrong type argument to decrement");
            return poison(loc);
        }
        if (is_pointer(operand->type) && !check_pointer_arithmetic(operand->type, loc)) return poison(loc);
        return make(*this, kind, loc, operand->type->unqualified(), operand);
    }
    }
}

Node* Parser::binary_op(NodeKind kind, Node* lhs, Node* rhs, SourceLoc loc, std::string_view spelling) {
    Node* l = value(lhs);
    Node* r = value(rhs);
    if (l->poisoned) return l;
    if (r->poisoned) return r;
    const Type* lt = l->type;
    const Type* rt = r->type;
    const Type* int_type = m_types.basic(TypeKind::Int);
    auto invalid = [&] {
        if (is_void(lt) || is_void(rt)) m_diag.error(loc, "void value not ignored as it ought to be");
        else m_diag.error(loc, "invalid operands to binary " + std::string(spelling) + have(lt, rt));
        return poison(loc);
    };
    auto arithmetic = [&](const Type* result_type) {
        const Type* common = m_types.usual_arithmetic(lt, rt);
        return make(*this, kind, loc, result_type ? result_type : common, convert(l, common), convert(r, common));
    };
    switch (kind) {
    case NodeKind::Add:
    case NodeKind::Sub:
        if (is_arithmetic(lt) && is_arithmetic(rt)) return arithmetic(nullptr);
        if (is_object_pointer(lt) && is_integer(rt)) {
            if (!check_pointer_arithmetic(lt, loc)) return poison(loc);
            return make(*this, kind == NodeKind::Add ? NodeKind::PtrAdd : NodeKind::PtrSub, loc, lt->unqualified(), l,
                        convert(r, ptrdiff_type()));
        }
        if (kind == NodeKind::Add && is_integer(lt) && is_object_pointer(rt)) {
            if (!check_pointer_arithmetic(rt, loc)) return poison(loc);
            return make(*this, NodeKind::PtrAdd, loc, rt->unqualified(), r, convert(l, ptrdiff_type()));
        }
        if (kind == NodeKind::Sub && is_object_pointer(lt) && is_object_pointer(rt)) {
            if (!compatible(lt->pointee()->unqualified(), rt->pointee()->unqualified())) return invalid();
            if (!check_pointer_arithmetic(lt, loc)) return poison(loc);
            return make(*this, NodeKind::PtrDiff, loc, ptrdiff_type(), l, r);
        }
        return invalid();
    case NodeKind::Mul:
    case NodeKind::Div:
    case NodeKind::Mod: {
        if (kind == NodeKind::Mod ? !(is_integer(lt) && is_integer(rt)) : !(is_arithmetic(lt) && is_arithmetic(rt)))
            return invalid();
        if (kind != NodeKind::Mul && is_integer(rt)) {
            const auto divisor = evaluate_integer(r);
            if (divisor && *divisor == 0) m_diag.warning(loc, "division by zero");
        }
        return arithmetic(nullptr);
    }
    case NodeKind::Shl:
    case NodeKind::Shr: {
        if (!is_integer(lt) || !is_integer(rt)) return invalid();
        const Type* type = m_types.promote(lt);
        if (const auto count = evaluate_integer(r)) {
            if (*count < 0 && is_signed(rt))
                m_diag.warning(loc, std::string(kind == NodeKind::Shl ? "left" : "right") + " shift count is negative");
            else if (static_cast<std::uint64_t>(*count) >= type->size() * 8)
                m_diag.warning(loc, std::string(kind == NodeKind::Shl ? "left" : "right") + " shift count >= width of type");
        }
        return make(*this, kind, loc, type, convert(l, type), convert(r, m_types.promote(rt)));
    }
    case NodeKind::BitAnd:
    case NodeKind::BitXor:
    case NodeKind::BitOr:
        if (!is_integer(lt) || !is_integer(rt)) return invalid();
        return arithmetic(nullptr);
    case NodeKind::Lt: case NodeKind::Le: case NodeKind::Gt: case NodeKind::Ge:
    case NodeKind::Eq: case NodeKind::Ne: {
        const bool equality = kind == NodeKind::Eq || kind == NodeKind::Ne;
        if (is_arithmetic(lt) && is_arithmetic(rt)) {
            if (is_integer(lt) && is_integer(rt)) {
                const Type* pl = m_types.promote(lt);
                const Type* pr = m_types.promote(rt);
                const Type* common = m_types.usual_arithmetic(lt, rt);
                auto non_negative_constant = [&](Node* n) {
                    const auto v = evaluate_integer(n);
                    return v && *v >= 0;
                };
                if (is_signed(pl) != is_signed(pr) && !is_signed(common) &&
                    !non_negative_constant(is_signed(pl) ? l : r))
                    m_diag.warning(loc, "comparison of integer expressions of different signedness: '" +
                                            to_string(lt->unqualified()) + "' and '" + to_string(rt->unqualified()) + "'");
            }
            return arithmetic(int_type);
        }
        if (is_pointer(lt) && is_pointer(rt)) {
            const Type* a = lt->pointee()->unqualified();
            const Type* b = rt->pointee()->unqualified();
            const bool void_ok = equality && (is_void(a) || is_void(b));
            if (!compatible(a, b) && !void_ok && !is_null_constant(l) && !is_null_constant(r))
                m_diag.warning(loc, "comparison of distinct pointer types lacks a cast");
            return make(*this, kind, loc, int_type, l, convert(r, lt));
        }
        if (is_pointer(lt) && is_integer(rt)) {
            if (!equality || !is_null_constant(r)) m_diag.warning(loc, "comparison between pointer and integer");
            return make(*this, kind, loc, int_type, l, convert(r, lt));
        }
        if (is_integer(lt) && is_pointer(rt)) {
            if (!equality || !is_null_constant(l)) m_diag.warning(loc, "comparison between pointer and integer");
            return make(*this, kind, loc, int_type, convert(l, rt), r);
        }
        return invalid();
    }
    case NodeKind::LogAnd:
    case NodeKind::LogOr:
        if (!is_scalar(lt) || !is_scalar(rt)) return invalid();
        return make(*this, kind, loc, int_type, l, r);
    default:
        return invalid();
    }
}

Node* Parser::assign_op(NodeKind op, Node* lhs, Node* rhs, SourceLoc loc, std::string_view spelling) {
    if (lhs->poisoned) return lhs;
    if (rhs->poisoned) return rhs;
    if (!check_modifiable(lhs, "assignment", loc)) return poison(loc);
    const Type* lt = lhs->type->unqualified();
    if (op == NodeKind::Assign) {
        Node* r = assignment_conversion(lt, rhs, {AssignKind::Assignment, 0, {}}, loc);
        if (r->poisoned) return r;
        return make(*this, NodeKind::Assign, loc, lt, lhs, r);
    }
    Node* r = value(rhs);
    const Type* rt = r->type;
    const std::string binary_spelling(spelling.substr(0, spelling.size() - 1));
    const Type* compute = nullptr;
    NodeKind kind = op;
    if ((op == NodeKind::Add || op == NodeKind::Sub) && is_object_pointer(lt) && is_integer(rt)) {
        if (!check_pointer_arithmetic(lt, loc)) return poison(loc);
        kind = op == NodeKind::Add ? NodeKind::PtrAdd : NodeKind::PtrSub;
        compute = lt;
        r = convert(r, ptrdiff_type());
    } else if (op == NodeKind::Shl || op == NodeKind::Shr) {
        if (!is_integer(lt) || !is_integer(rt)) compute = nullptr;
        else {
            compute = m_types.promote(lt);
            r = convert(r, m_types.promote(rt));
        }
    } else {
        const bool integers_only = op == NodeKind::Mod || op == NodeKind::BitAnd || op == NodeKind::BitOr || op == NodeKind::BitXor;
        if (integers_only ? is_integer(lt) && is_integer(rt) : is_arithmetic(lt) && is_arithmetic(rt)) {
            compute = m_types.usual_arithmetic(lt, rt);
            r = convert(r, compute);
        }
    }
    if (!compute) {
        m_diag.error(loc, "invalid operands to binary " + binary_spelling + have(lt, rt));
        return poison(loc);
    }
    Node* node = make(*this, NodeKind::CompoundAssign, loc, lt, lhs, r);
    node->op = kind;
    node->compute_type = compute;
    return node;
}

Node* Parser::conditional_op(Node* cond, Node* then, Node* els, SourceLoc loc) {
    Node* c = condition(cond);
    Node* t = value(then);
    Node* e = value(els);
    if (c->poisoned) return c;
    if (t->poisoned) return t;
    if (e->poisoned) return e;
    const Type* tt = t->type;
    const Type* et = e->type;
    const Type* type = nullptr;
    if (is_arithmetic(tt) && is_arithmetic(et)) type = m_types.usual_arithmetic(tt, et);
    else if (is_void(tt) && is_void(et)) type = tt;
    else if (is_record(tt) && tt->unqualified() == et->unqualified()) type = tt->unqualified();
    else if (is_pointer(tt) && is_pointer(et)) {
        const Type* a = tt->pointee();
        const Type* b = et->pointee();
        const Quals quals = a->quals() | b->quals();
        if (is_null_constant(e)) type = tt;
        else if (is_null_constant(t)) type = et;
        else if (is_void(a) || is_void(b)) type = m_types.pointer_to(m_types.qualified(m_types.basic(TypeKind::Void), quals));
        else if (compatible(a->unqualified(), b->unqualified()))
            type = m_types.pointer_to(m_types.qualified(m_types.composite(a->unqualified(), b->unqualified()), quals));
        else {
            m_diag.warning(loc, "pointer type mismatch in conditional expression");
            type = m_types.pointer_to(m_types.basic(TypeKind::Void));
        }
    } else if (is_pointer(tt) && is_integer(et)) {
        if (!is_null_constant(e)) m_diag.warning(loc, "pointer/integer type mismatch in conditional expression");
        type = tt;
    } else if (is_integer(tt) && is_pointer(et)) {
        if (!is_null_constant(t)) m_diag.warning(loc, "pointer/integer type mismatch in conditional expression");
        type = et;
    } else {
        m_diag.error(loc, "type mismatch in conditional expression");
        return poison(loc);
    }
    Node* node = new_node(NodeKind::Cond, loc);
    node->type = type->unqualified();
    node->cond = c;
    node->then = is_void(type) ? t : convert(t, type);
    node->els = is_void(type) ? e : convert(e, type);
    check_depth(node);
    return node;
}

Node* Parser::comma_op(Node* lhs, Node* rhs, SourceLoc loc) {
    Node* l = value(lhs);
    Node* r = value(rhs);
    if (l->poisoned) return l;
    if (r->poisoned) return r;
    return make(*this, NodeKind::Comma, loc, r->type, l, r);
}

Node* Parser::member_op(Node* base, const std::string& name, SourceLoc loc, bool arrow) {
    if (base->poisoned) return base;
    Node* record = base;
    if (arrow) {
        Node* v = value(base);
        if (!is_pointer(v->type) || !is_record(v->type->pointee())) {
            m_diag.error(loc, "invalid type argument of '->' (have '" + to_string(v->type) + "')" +
                                  (is_record(v->type) ? "; did you mean '.'?" : ""));
            return poison(loc);
        }
        record = make(*this, NodeKind::Deref, loc, v->type->pointee(), v);
    } else if (!is_record(base->type)) {
        if (is_pointer(base->type) && is_record(base->type->pointee())) {
            const std::string what = base->kind == NodeKind::VarRef ? "'" + base->var->name + "'" : "the expression";
            m_diag.error(loc, what + " is a pointer; did you mean to use '->'?");
        } else {
            m_diag.error(loc, "request for member '" + name + "' in something not a structure or union");
        }
        return poison(loc);
    }
    if (!record->type->is_complete()) {
        m_diag.error(loc, (arrow ? "dereferencing pointer to incomplete type '" : "invalid use of incomplete type '") +
                              to_string(record->type) + "'");
        return poison(loc);
    }
    const auto member = m_types.find_member(record->type, name);
    if (!member) {
        std::string message = "'" + to_string(record->type->unqualified()) + "' has no member named '" + name + "'";
        std::string best;
        std::size_t best_distance = std::max<std::size_t>(1, (name.size() + 1) / 3) + 1;
        for (const Member& m : record->type->members()) {
            const std::size_t d = edit_distance(name, m.name);
            if (!m.name.empty() && d < best_distance && d < m.name.size()) {
                best_distance = d;
                best = m.name;
            }
        }
        if (!best.empty()) message += "; did you mean '" + best + "'?";
        m_diag.error(loc, message);
        return poison(loc);
    }
    Node* node = make(*this, NodeKind::Member, loc, member->type, record);
    node->member_offset = member->offset;
    node->member_name = name;
    return node;
}

Node* Parser::call_op(Node* callee, std::vector<Node*> args, SourceLoc loc) {
    if (callee->poisoned) return callee;
    for (Node* arg : args)
        if (arg->poisoned) return arg;
    Function* func = callee->kind == NodeKind::FuncRef ? callee->func : nullptr;
    Node* target = func ? callee : value(callee);
    const Type* ftype = func ? func->type : nullptr;
    if (!func) {
        if (is_pointer(target->type) && is_function(target->type->pointee())) ftype = target->type->pointee();
        else {
            m_diag.error(loc, callee->kind == NodeKind::VarRef
                                  ? "called object '" + callee->var->name + "' is not a function or function pointer"
                                  : "called object is not a function or function pointer");
            return poison(loc);
        }
    }
    const std::string name = func ? func->name : callee->kind == NodeKind::VarRef ? callee->var->name : "";
    const auto params = ftype->params();
    if (ftype->has_prototype() && (args.size() < params.size() || (args.size() > params.size() && !ftype->is_variadic()))) {
        const std::string what = args.size() < params.size() ? "too few" : "too many";
        Diagnostic& e = m_diag.error(loc, what + " arguments to function" + (name.empty() ? "" : " '" + name + "'"));
        if (func) note_declared(e, func->loc, func->file, func->name, "callee");
        return poison(loc);
    }
    Node* node = new_node(NodeKind::Call, loc);
    node->callee = target;
    for (std::size_t i = 0; i < args.size(); ++i) {
        Node* arg = args[i];
        if (ftype->has_prototype() && i < params.size()) {
            arg = assignment_conversion(params[i], arg, {AssignKind::Argument, static_cast<unsigned>(i + 1), name}, arg->loc, func);
        } else {
            arg = value(arg);
            if (is_void(arg->type)) {
                m_diag.error(arg->loc, "invalid use of void expression");
                arg = poison(arg->loc);
            } else if (!arg->poisoned) {
                arg = convert(arg, m_types.argument_promote(arg->type));
            }
        }
        if (arg->poisoned) return arg;
        node->args.push_back(arg);
    }
    node->type = ftype->return_type()->unqualified();
    if (!is_void(node->type) && !node->type->is_complete()) {
        m_diag.error(loc, "invalid use of undefined type '" + to_string(node->type) + "'");
        return poison(loc);
    }
    check_depth(node);
    return node;
}

Node* Parser::sizeof_type(const Type* type, SourceLoc loc, bool align) {
    const Result<std::uint64_t> result = align ? align_of(type) : size_of(type);
    if (!result.ok()) {
        m_diag.error(loc, result.error());
        return poison(loc);
    }
    return int_literal(result.value(), size_type(), loc);
}

}  // namespace memviz::lang
