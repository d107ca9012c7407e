// Expressions to instructions. The value of a struct or union expression is its address (copies
// happen where a value is stored or passed); arrays and functions only appear under Decay.
#include <algorithm>

#include "lang/compile_internal.h"
#include "support/bit_cast.h"

namespace memviz::lang::compile_detail {
namespace {

std::uint64_t normalize(std::uint64_t value, unsigned width, bool is_signed) {
    if (width >= 8) return value;
    const std::uint64_t mask = (std::uint64_t{1} << (width * 8)) - 1;
    value &= mask;
    if (is_signed && (value >> (width * 8 - 1)) != 0) value |= ~mask;
    return value;
}

bool is_float32(const Type* type) { return is_floating(type) && type->size() == 4; }

std::int64_t double_bits(double value) { return static_cast<std::int64_t>(memviz::bit_cast<std::uint64_t>(value)); }

// The step of pointer arithmetic: sizeof the pointee (1 for void *, as gcc allows).
std::int64_t element_size(const Type* pointer) {
    const Type* pointee = pointer->pointee();
    return pointee != nullptr && pointee->is_complete() ? static_cast<std::int64_t>(pointee->size()) : 1;
}

Op integer_op(NodeKind kind) {
    switch (kind) {
        case NodeKind::Add: return Op::Add;
        case NodeKind::Sub: return Op::Sub;
        case NodeKind::Mul: return Op::Mul;
        case NodeKind::Div: return Op::Div;
        case NodeKind::Mod: return Op::Rem;
        case NodeKind::Shl: return Op::Shl;
        case NodeKind::Shr: return Op::Shr;
        case NodeKind::BitAnd: return Op::BitAnd;
        case NodeKind::BitOr: return Op::BitOr;
        case NodeKind::BitXor: return Op::BitXor;
        case NodeKind::Lt: return Op::Lt;
        case NodeKind::Le: return Op::Le;
        case NodeKind::Gt: return Op::Gt;
        case NodeKind::Ge: return Op::Ge;
        case NodeKind::Eq: return Op::Eq;
        case NodeKind::Ne: return Op::Ne;
        default: return Op::Add;
    }
}

Op float_op(NodeKind kind) {
    switch (kind) {
        case NodeKind::Add: return Op::FAdd;
        case NodeKind::Sub: return Op::FSub;
        case NodeKind::Mul: return Op::FMul;
        case NodeKind::Div: return Op::FDiv;
        case NodeKind::Lt: return Op::FLt;
        case NodeKind::Le: return Op::FLe;
        case NodeKind::Gt: return Op::FGt;
        case NodeKind::Ge: return Op::FGe;
        case NodeKind::Eq: return Op::FEq;
        case NodeKind::Ne: return Op::FNe;
        default: return Op::FAdd;
    }
}

}  // namespace

std::uint8_t width_of(const Type* type) {
    if (!type->is_complete()) return 8;  // pointers are complete: 8 bytes in LP64, 4 in ILP32
    return static_cast<std::uint8_t>(std::min<std::uint64_t>(type->size(), 8));
}

std::uint8_t flags_of(const Type* type) { return is_integer(type) && is_signed(type) ? vm::kSigned : 0; }

void Emitter::point(SourceLoc loc, vm::StepKind kind) {
    if (loc.valid()) m_out.lines.push_back({here(), loc, kind});
}

void Emitter::unsupported(SourceLoc loc, const std::string& what) {
    m_diagnostics.error(loc, "not supported yet: " + what);
}

void Emitter::load(const Type* type) {
    if (is_record(type) || is_array(type) || is_function(type)) return;  // the address is the value
    std::uint8_t flags = flags_of(type);
    if (is_float32(type)) flags |= vm::kFloat32;
    emit(Op::Load, 0, 0, width_of(type), flags);
}

void Emitter::store(const Type* type) {
    if (is_record(type)) {
        emit(Op::CopyBytes, static_cast<std::int64_t>(type->size()));
        return;
    }
    emit(Op::Store, 0, 0, width_of(type), is_float32(type) ? vm::kFloat32 : 0);
}

void Emitter::convert(const Type* from, const Type* to) {
    if (is_void(to)) {
        if (!is_void(from)) emit(Op::Drop);
        return;
    }
    if (is_record(to) || is_record(from)) return;
    if (to->kind() == TypeKind::Bool) {
        if (is_floating(from)) {
            emit(Op::Const, double_bits(0.0));
            emit(Op::FNe);
        } else {
            emit(Op::LogNot);
            emit(Op::LogNot);
        }
        return;
    }
    const bool from_float = is_floating(from);
    const bool to_float = is_floating(to);
    if (from_float && to_float) {
        if (is_float32(to)) emit(Op::FloatRound);
    } else if (from_float) {
        emit(Op::FloatToInt, 0, 0, width_of(to), flags_of(to));
    } else if (to_float) {
        emit(Op::IntToFloat, 0, 0, width_of(from), flags_of(from));
        if (is_float32(to)) emit(Op::FloatRound);
    } else {
        emit(Op::IntCast, 0, 0, width_of(to), flags_of(to));
    }
}

void Emitter::condition(const Node* node) {
    expr(node);
    if (is_floating(node->type)) {
        emit(Op::Const, double_bits(0.0));
        emit(Op::FNe);
    } else {
        emit(Op::LogNot);
        emit(Op::LogNot);
    }
}

void Emitter::address(const Node* node) {
    switch (node->kind) {
        case NodeKind::VarRef: return object_address(*node->var, node->loc);
        case NodeKind::Deref:
            if (indexed_through_pointer(node)) return;
            expr(node->lhs);
            // After the pointer is computed: a bad access is reported at the `*` (or `[`, `->`).
            point(node->loc, vm::StepKind::Expression);
            check_array_bounds(node);
            return;
        case NodeKind::Member:
            expr(node->lhs);  // a struct's value is its address
            if (node->member_offset != 0) {
                emit(Op::Const, static_cast<std::int64_t>(node->member_offset));
                emit(Op::Add, 0, 0, static_cast<std::uint8_t>(pointer_bytes()));
            }
            return;
        case NodeKind::StringLit: emit(Op::StringAddr, 0, node->string_index); return;
        case NodeKind::CompoundLiteral:
            // A local compound literal is (re)initialized each time its expression is evaluated.
            if (node->var->storage == Storage::Local) initialize(*node->var);
            return object_address(*node->var, node->loc);
        case NodeKind::FuncRef: {
            auto found = m_symbols.functions.find(node->func);
            if (found == m_symbols.functions.end()) {
                unsupported(node->loc, "taking the address of the library function `" + node->func->name + "`");
                emit(Op::Const, 0);
            } else {
                emit(Op::FuncAddr, 0, found->second);
            }
            return;
        }
        default:
            unsupported(node->loc, "the address of this kind of expression");
            emit(Op::Const, 0);
    }
}

// `a[i]` where `a` is a named array (Deref(PtrAdd(Decay(VarRef a), i))): the element must lie in
// `a`. Only direct indexing of the array knows which object the address came from; a pointer
// passed around keeps no such knowledge (a heap block's bounds are checked by the shadow state).
void Emitter::check_array_bounds(const Node* deref) {
    const Node* sum = deref->lhs;
    if (sum == nullptr || (sum->kind != NodeKind::PtrAdd && sum->kind != NodeKind::PtrSub)) return;
    const Node* decay = sum->lhs;
    if (decay == nullptr || decay->kind != NodeKind::Decay || decay->lhs->kind != NodeKind::VarRef) return;
    const Object& array = *decay->lhs->var;
    if (!is_array(array.type) || !array.type->is_complete() || !deref->type->is_complete()) return;
    const bool local = m_symbols.frame_offset.contains(&array);
    if (!local && !m_symbols.globals.contains(&array)) return;
    object_address(array, deref->loc);
    emit(Op::Const, static_cast<std::int64_t>(array.type->size()));
    emit(Op::CheckBounds, static_cast<std::int64_t>(deref->type->size()), local ? 0 : 1);
}

// `p[i]` or `*(p + i)` through a pointer `p` (not a named array): the sum is computed with `p`
// kept below it, and the element must lie in the variable `p` points into, if any (a caller's
// array passed to a helper, a struct member array). Heap blocks are bounded by the shadow state.
bool Emitter::indexed_through_pointer(const Node* deref) {
    const Node* sum = deref->lhs;
    if (sum == nullptr || (sum->kind != NodeKind::PtrAdd && sum->kind != NodeKind::PtrSub)) return false;
    const Node* base = sum->lhs;
    if (base->kind == NodeKind::Decay && base->lhs->kind == NodeKind::VarRef) return false;  // check_array_bounds
    if (!deref->type->is_complete() || deref->type->size() == 0) return false;
    expr(base);
    emit(Op::Dup);
    expr(sum->rhs);
    binary(sum->kind, base->type, sum->type);
    point(deref->loc, vm::StepKind::Expression);
    emit(Op::Swap);
    emit(Op::CheckPointer, static_cast<std::int64_t>(deref->type->size()));
    return true;
}

std::int64_t Emitter::temporary(const Type* type) {
    const std::uint64_t align = std::max<std::uint64_t>(type->align(), 1);
    const std::uint64_t used = (m_out.frame_size + type->size() + align - 1) / align * align;
    m_out.frame_size = (used + 15) / 16 * 16;
    return -static_cast<std::int64_t>(used);
}

void Emitter::object_address(const Object& object, SourceLoc loc) {
    if (auto local = m_symbols.frame_offset.find(&object); local != m_symbols.frame_offset.end()) {
        emit(Op::FrameAddr, local->second);
    } else if (auto global = m_symbols.globals.find(&object); global != m_symbols.globals.end()) {
        emit(Op::GlobalAddr, 0, global->second);
    } else {
        unsupported(loc, "the library variable `" + object.name + "`");
        emit(Op::Const, 0);
    }
}

void Emitter::initialize(const Object& object) {
    if (!object.has_init) return;
    object_address(object, object.loc);
    emit(Op::ZeroBytes, static_cast<std::int64_t>(object.type->size()));
    for (const InitItem& item : object.init) {
        object_address(object, object.loc);
        if (item.offset != 0) {
            emit(Op::Const, static_cast<std::int64_t>(item.offset));
            emit(Op::Add, 0, 0, static_cast<std::uint8_t>(pointer_bytes()));
        }
        const Node* value = item.value;
        if (value->kind == NodeKind::StringLit && is_array(item.type)) {
            // A char array from a string literal: as many bytes as fit, the zero if it fits.
            const std::uint64_t length = m_program.strings.at(value->string_index).bytes.size() + 1;
            emit(Op::StringAddr, 0, value->string_index);
            emit(Op::CopyBytes, static_cast<std::int64_t>(std::min<std::uint64_t>(length, item.type->size())));
        } else {
            expr(value);
            store(item.type);
        }
        emit(Op::Drop);
    }
}

void Emitter::expr(const Node* node) {
    switch (node->kind) {
        case NodeKind::IntLit:
            emit(Op::Const, static_cast<std::int64_t>(normalize(node->int_value, width_of(node->type), flags_of(node->type) != 0)));
            return;
        case NodeKind::FloatLit: {
            const double value = is_float32(node->type) ? static_cast<double>(static_cast<float>(node->float_value)) : node->float_value;
            emit(Op::Const, double_bits(value));
            return;
        }
        case NodeKind::VarRef:
        case NodeKind::Deref:
        case NodeKind::Member:
        case NodeKind::StringLit:
        case NodeKind::CompoundLiteral:
            address(node);
            load(node->type);
            return;
        case NodeKind::FuncRef:
        case NodeKind::Decay:
        case NodeKind::Addr:
            return address(node->kind == NodeKind::FuncRef ? node : node->lhs);
        case NodeKind::Neg:
            expr(node->lhs);
            if (is_floating(node->type)) {
                emit(Op::FNeg);
                if (is_float32(node->type)) emit(Op::FloatRound);
            } else {
                emit(Op::Neg, 0, 0, width_of(node->type), flags_of(node->type));
            }
            return;
        case NodeKind::BitNot:
            expr(node->lhs);
            emit(Op::BitNot, 0, 0, width_of(node->type), flags_of(node->type));
            return;
        case NodeKind::LogNot:
            condition(node->lhs);
            emit(Op::LogNot);
            return;
        case NodeKind::Cast:
            expr(node->lhs);
            convert(node->lhs->type, node->type);
            return;
        case NodeKind::Add: case NodeKind::Sub: case NodeKind::Mul: case NodeKind::Div: case NodeKind::Mod:
        case NodeKind::Shl: case NodeKind::Shr: case NodeKind::BitAnd: case NodeKind::BitXor: case NodeKind::BitOr:
        case NodeKind::Lt: case NodeKind::Le: case NodeKind::Gt: case NodeKind::Ge: case NodeKind::Eq: case NodeKind::Ne:
            expr(node->lhs);
            expr(node->rhs);
            binary(node->kind, node->lhs->type, node->lhs->type);
            return;
        case NodeKind::PtrAdd: case NodeKind::PtrSub: case NodeKind::PtrDiff:
            expr(node->lhs);
            expr(node->rhs);
            binary(node->kind, node->lhs->type, node->type);
            return;
        case NodeKind::LogAnd:
        case NodeKind::LogOr: {
            // Short-circuit: the right operand runs only when the left does not decide.
            const bool is_and = node->kind == NodeKind::LogAnd;
            const Op decide = is_and ? Op::JumpIfZero : Op::JumpIfNotZero;
            condition(node->lhs);
            const std::uint32_t first = emit(decide);
            condition(node->rhs);
            const std::uint32_t second = emit(decide);
            emit(Op::Const, is_and ? 1 : 0);
            const std::uint32_t done = emit(Op::Jump);
            patch(first, here());
            patch(second, here());
            emit(Op::Const, is_and ? 0 : 1);
            patch(done, here());
            return;
        }
        case NodeKind::Assign:
            point(node->loc, vm::StepKind::Expression);
            address(node->lhs);
            expr(node->rhs);
            store(node->lhs->type);
            return;
        case NodeKind::CompoundAssign: {
            // a op= b: load a, convert it to the operation's type, apply, convert back, store.
            point(node->loc, vm::StepKind::Expression);
            const Type* type = node->lhs->type;
            address(node->lhs);
            emit(Op::Dup);
            load(type);
            convert(type, node->compute_type);
            expr(node->rhs);
            binary(node->op, node->compute_type, node->compute_type);
            convert(node->compute_type, type);
            store(type);
            return;
        }
        case NodeKind::PreInc: case NodeKind::PreDec: case NodeKind::PostInc: case NodeKind::PostDec:
            return increment(node);
        case NodeKind::Cond: {
            condition(node->cond);
            const std::uint32_t to_else = emit(Op::JumpIfZero);
            expr(node->then);
            const std::uint32_t done = emit(Op::Jump);
            patch(to_else, here());
            expr(node->els);
            patch(done, here());
            return;
        }
        case NodeKind::Comma:
            expr(node->lhs);
            if (!is_void(node->lhs->type)) emit(Op::Drop);
            expr(node->rhs);
            return;
        case NodeKind::Call: return call(node);
        default:
            unsupported(node->loc, "this expression");
            emit(Op::Const, 0);
    }
}

// [a, b] -> [a op b], where `type` is the operands' type and `result` the node's (they differ for
// pointer arithmetic: PtrAdd's lhs is the pointer, PtrDiff's result is ptrdiff_t).
void Emitter::binary(NodeKind kind, const Type* type, const Type* result) {
    const auto pointer = static_cast<std::uint8_t>(pointer_bytes());
    switch (kind) {
        case NodeKind::PtrAdd:
        case NodeKind::PtrSub:
            emit(Op::Const, element_size(type));
            emit(Op::Mul, 0, 0, pointer, vm::kSigned);
            emit(kind == NodeKind::PtrAdd ? Op::Add : Op::Sub, 0, 0, pointer, 0);
            return;
        case NodeKind::PtrDiff:
            emit(Op::Sub, 0, 0, pointer, 0);
            emit(Op::IntCast, 0, 0, pointer, vm::kSigned);
            emit(Op::Const, element_size(type));
            emit(Op::Div, 0, 0, pointer, vm::kSigned);
            return;
        default: break;
    }
    if (is_floating(type)) {
        emit(float_op(kind));
        const bool comparison = kind >= NodeKind::Lt && kind <= NodeKind::Ne;
        if (!comparison && is_float32(result)) emit(Op::FloatRound);
        return;
    }
    // Pointers compare as unsigned addresses.
    emit(integer_op(kind), 0, 0, width_of(type), is_pointer(type) ? 0 : flags_of(type));
}

void Emitter::increment(const Node* node) {
    point(node->loc, vm::StepKind::Expression);
    const Type* type = node->lhs->type;
    const bool post = node->kind == NodeKind::PostInc || node->kind == NodeKind::PostDec;
    const bool up = node->kind == NodeKind::PreInc || node->kind == NodeKind::PostInc;
    address(node->lhs);                  // [a]
    emit(Op::Dup);                       // [a, a]
    load(type);                          // [a, old]
    if (post) {
        emit(Op::Swap);                  // [old, a]
        emit(Op::Over);                  // [old, a, old]
    }
    if (is_pointer(type)) {
        emit(Op::Const, element_size(type));
        emit(up ? Op::Add : Op::Sub, 0, 0, static_cast<std::uint8_t>(pointer_bytes()), 0);
    } else if (is_floating(type)) {
        emit(Op::Const, double_bits(1.0));
        emit(up ? Op::FAdd : Op::FSub);
        if (is_float32(type)) emit(Op::FloatRound);
    } else {
        // In the promoted type (int for char and short), then back: (char)127 + 1 wraps as an
        // implementation-defined conversion, while INT_MAX + 1 is a signed overflow.
        const bool small = type->size() < 4;
        const std::uint8_t width = small ? 4 : width_of(type);
        const std::uint8_t flags = small ? vm::kSigned : flags_of(type);
        emit(Op::Const, 1);
        emit(up ? Op::Add : Op::Sub, 0, 0, width, flags);
        if (small || type->kind() == TypeKind::Bool) convert(m_program.types->basic(TypeKind::Int), type);
    }
    store(type);                         // [new] or [old, new]
    if (post) emit(Op::Drop);
}

void Emitter::call(const Node* node) {
    point(node->loc, vm::StepKind::Expression);
    // A struct result goes into a temporary of the caller's frame, whose address is the hidden
    // first argument; the call's value is that address.
    const bool returns_record = is_record(node->type);
    if (returns_record) emit(Op::FrameAddr, temporary(node->type));
    for (const Node* arg : node->args) expr(arg);
    const auto argc = static_cast<std::int64_t>(node->args.size()) + (returns_record ? 1 : 0);
    const Node* callee = node->callee;
    if (callee->kind == NodeKind::FuncRef) {
        if (auto defined = m_symbols.functions.find(callee->func); defined != m_symbols.functions.end()) {
            emit(Op::Call, argc, defined->second);
        } else if (auto library = m_symbols.library.find(callee->func); library != m_symbols.library.end()) {
            emit(Op::Builtin, argc, library->second);
        } else {
            m_diagnostics.error(node->loc, "`" + callee->func->name + "` is declared but never defined, and the C "
                                           "library memviz provides has no function of that name");
        }
        return;
    }
    expr(callee);
    emit(Op::CallIndirect, argc);
}

}  // namespace memviz::lang::compile_detail
