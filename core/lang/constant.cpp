// Constant expressions (C99 6.6): integer constant expressions for array sizes, case labels,
// enumerators, bit-field widths and _Static_assert; arithmetic and address constants for the
// initializers of objects with static storage. Values are computed as the target computes them:
// each integer result is cut to its type's width and sign- or zero-extended back to 64 bits.
#include <cmath>

#include "lang/parse_internal.h"

namespace memviz::lang {
namespace {

// `bits` as a value of the integer type `type`: truncated to its width, then extended.
std::uint64_t normalize(std::uint64_t bits, const Type* type) {
    if (type->kind() == TypeKind::Bool) return bits != 0;
    const std::uint64_t width = type->is_complete() ? type->size() * 8 : 64;
    if (width >= 64) return bits;
    const std::uint64_t mask = (std::uint64_t{1} << width) - 1;
    bits &= mask;
    if (is_signed(type) && (bits >> (width - 1)) != 0) bits |= ~mask;
    return bits;
}

bool truth(const ConstValue& v) { return v.is_float ? v.real != 0.0 : v.bits != 0; }

ConstValue integer(std::uint64_t bits, const Type* type) { return {false, normalize(bits, type), 0.0}; }

double as_double(const ConstValue& v, const Type* type) {
    if (v.is_float) return v.real;
    return is_signed(type) ? static_cast<double>(static_cast<std::int64_t>(v.bits)) : static_cast<double>(v.bits);
}

}  // namespace

std::optional<ConstValue> Parser::evaluate(Node* node) {
    if (!node || node->poisoned) return std::nullopt;
    const Type* type = node->type;
    switch (node->kind) {
    case NodeKind::IntLit:
        if (!is_integer(type)) return std::nullopt;
        return integer(node->int_value, type);
    case NodeKind::FloatLit:
        return ConstValue{true, 0, node->float_value};
    case NodeKind::Cast: {
        const auto v = evaluate(node->lhs);
        if (!v || !is_arithmetic(type) || !is_arithmetic(node->lhs->type)) return std::nullopt;
        if (is_floating(type)) {
            double d = as_double(*v, node->lhs->type);
            if (type->kind() == TypeKind::Float) d = static_cast<double>(static_cast<float>(d));
            return ConstValue{true, 0, d};
        }
        if (type->kind() == TypeKind::Bool) return integer(truth(*v) ? 1 : 0, type);
        if (v->is_float) {
            if (!std::isfinite(v->real) || std::fabs(v->real) >= 18446744073709551616.0) return std::nullopt;
            const std::uint64_t bits = v->real < 0 ? static_cast<std::uint64_t>(static_cast<std::int64_t>(v->real))
                                                   : static_cast<std::uint64_t>(v->real);
            return integer(bits, type);
        }
        return integer(v->bits, type);
    }
    case NodeKind::Neg: case NodeKind::BitNot: case NodeKind::LogNot: {
        const auto v = evaluate(node->lhs);
        if (!v) return std::nullopt;
        if (node->kind == NodeKind::LogNot) return integer(truth(*v) ? 0 : 1, type);
        if (v->is_float) return ConstValue{true, 0, -v->real};
        return integer(node->kind == NodeKind::Neg ? std::uint64_t{0} - v->bits : ~v->bits, type);
    }
    case NodeKind::LogAnd: case NodeKind::LogOr: {
        const auto l = evaluate(node->lhs);
        if (!l) return std::nullopt;
        if (truth(*l) == (node->kind == NodeKind::LogOr)) return integer(node->kind == NodeKind::LogOr, type);
        const auto r = evaluate(node->rhs);
        if (!r) return std::nullopt;
        return integer(truth(*r) ? 1 : 0, type);
    }
    case NodeKind::Cond: {
        const auto c = evaluate(node->cond);
        if (!c) return std::nullopt;
        return evaluate(truth(*c) ? node->then : node->els);
    }
    case NodeKind::Add: case NodeKind::Sub: case NodeKind::Mul: case NodeKind::Div: case NodeKind::Mod:
    case NodeKind::Shl: case NodeKind::Shr: case NodeKind::BitAnd: case NodeKind::BitXor: case NodeKind::BitOr:
    case NodeKind::Lt: case NodeKind::Le: case NodeKind::Gt: case NodeKind::Ge: case NodeKind::Eq: case NodeKind::Ne: {
        const auto l = evaluate(node->lhs);
        const auto r = evaluate(node->rhs);
        if (!l || !r) return std::nullopt;
        const Type* operand = node->lhs->type;
        if (!is_arithmetic(operand) || !is_arithmetic(node->rhs->type)) return std::nullopt;
        if (is_floating(operand)) {
            const double a = as_double(*l, operand);
            const double b = as_double(*r, node->rhs->type);
            switch (node->kind) {
            case NodeKind::Add: return ConstValue{true, 0, a + b};
            case NodeKind::Sub: return ConstValue{true, 0, a - b};
            case NodeKind::Mul: return ConstValue{true, 0, a * b};
            case NodeKind::Div: return ConstValue{true, 0, a / b};
            case NodeKind::Lt: return integer(a < b, type);
            case NodeKind::Le: return integer(a <= b, type);
            case NodeKind::Gt: return integer(a > b, type);
            case NodeKind::Ge: return integer(a >= b, type);
            case NodeKind::Eq: return integer(a == b, type);
            case NodeKind::Ne: return integer(a != b, type);
            default: return std::nullopt;
            }
        }
        const std::uint64_t a = l->bits;
        const std::uint64_t b = r->bits;
        const bool is_signed_op = is_signed(operand);
        const auto sa = static_cast<std::int64_t>(a);
        const auto sb = static_cast<std::int64_t>(b);
        switch (node->kind) {
        case NodeKind::Add: return integer(a + b, type);
        case NodeKind::Sub: return integer(a - b, type);
        case NodeKind::Mul: return integer(a * b, type);
        case NodeKind::Div:
        case NodeKind::Mod:
            if (b == 0) return std::nullopt;
            if (is_signed_op) {
                if (sb == -1) return integer(node->kind == NodeKind::Div ? std::uint64_t{0} - a : 0, type);
                return integer(static_cast<std::uint64_t>(node->kind == NodeKind::Div ? sa / sb : sa % sb), type);
            }
            return integer(node->kind == NodeKind::Div ? a / b : a % b, type);
        case NodeKind::Shl: return integer(b >= 64 ? 0 : a << b, type);
        case NodeKind::Shr:
            if (b >= 64) return integer(is_signed_op && sa < 0 ? ~std::uint64_t{0} : 0, type);
            return integer(is_signed_op ? static_cast<std::uint64_t>(sa >> b) : a >> b, type);
        case NodeKind::BitAnd: return integer(a & b, type);
        case NodeKind::BitXor: return integer(a ^ b, type);
        case NodeKind::BitOr: return integer(a | b, type);
        case NodeKind::Lt: return integer(is_signed_op ? sa < sb : a < b, type);
        case NodeKind::Le: return integer(is_signed_op ? sa <= sb : a <= b, type);
        case NodeKind::Gt: return integer(is_signed_op ? sa > sb : a > b, type);
        case NodeKind::Ge: return integer(is_signed_op ? sa >= sb : a >= b, type);
        case NodeKind::Eq: return integer(a == b, type);
        case NodeKind::Ne: return integer(a != b, type);
        default: return std::nullopt;
        }
    }
    default:
        return std::nullopt;
    }
}

std::optional<std::int64_t> Parser::evaluate_integer(Node* node) {
    if (!node || node->poisoned || !is_integer(node->type)) return std::nullopt;
    const auto v = evaluate(node);
    if (!v || v->is_float) return std::nullopt;
    return static_cast<std::int64_t>(v->bits);
}

namespace {

bool is_static_lvalue(Parser& p, Node* node) {
    switch (node->kind) {
    case NodeKind::VarRef:
        return node->var->storage == Storage::Global || node->var->storage == Storage::StaticLocal;
    case NodeKind::StringLit:
    case NodeKind::FuncRef:
        return true;
    case NodeKind::CompoundLiteral:
        return node->var->storage == Storage::Global;
    case NodeKind::Member:
        return is_static_lvalue(p, node->lhs);
    case NodeKind::Deref:
        return p.is_address_constant(node->lhs);
    default:
        return false;
    }
}

}  // namespace

bool Parser::is_address_constant(Node* node) {
    switch (node->kind) {
    case NodeKind::Cast:
        return (is_pointer(node->type) || (is_integer(node->type) && node->type->size() == info(m_types.data_model()).pointer_bytes)) &&
               is_address_constant(node->lhs);
    case NodeKind::Decay:
    case NodeKind::Addr:
        return is_static_lvalue(*this, node->lhs);
    case NodeKind::PtrAdd:
    case NodeKind::PtrSub:
        if (!is_address_constant(node->lhs)) return false;
        if (node->rhs->kind != NodeKind::IntLit) {
            const auto offset = evaluate_integer(node->rhs);
            if (!offset) return false;
            node->rhs = int_literal(static_cast<std::uint64_t>(*offset), node->rhs->type, node->rhs->loc);
        }
        return true;
    default:
        return false;
    }
}

Node* Parser::fold_static(Node* node) {
    if (is_arithmetic(node->type)) {
        const auto v = evaluate(node);
        if (!v) return nullptr;
        if (v->is_float || is_floating(node->type)) {
            Node* folded = new_node(NodeKind::FloatLit, node->loc);
            folded->type = node->type;
            folded->float_value = v->is_float ? v->real : as_double(*v, node->type);
            return folded;
        }
        return int_literal(v->bits, node->type, node->loc);
    }
    if (is_pointer(node->type)) {
        if (node->kind == NodeKind::Cast && is_integer(node->lhs->type)) {
            if (const auto v = evaluate_integer(node->lhs)) return int_literal(static_cast<std::uint64_t>(*v), node->type, node->loc);
        }
        if (is_address_constant(node)) return node;
        return nullptr;
    }
    return nullptr;
}

}  // namespace memviz::lang
