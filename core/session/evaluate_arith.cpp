// C's operators on scalars, computed as the VM computes them (vm_arith.cpp), so `print` agrees
// with the program: integers in their type's width, unsigned ones wrapping around; signed
// overflow, division by zero and out-of-range shifts are errors, as they stop the program;
// doubles are IEEE doubles, floats doubles rounded to float. The checker has already converted
// the operands (usual arithmetic conversions, promotions), so each operation has one type.
#include <cmath>

#include "session/evaluate_internal.h"
#include "support/bit_cast.h"

namespace memviz::session::eval {
namespace {

using lang::NodeKind;
using lang::Type;

__extension__ typedef __int128 Wide;  // signed results, exactly, before checking their range

std::uint64_t width_of(const Type* type) { return type->is_complete() ? type->size() : 8; }

std::int64_t min_signed(std::uint64_t bytes) { return bytes >= 8 ? INT64_MIN : -(std::int64_t{1} << (bytes * 8 - 1)); }
std::int64_t max_signed(std::uint64_t bytes) { return bytes >= 8 ? INT64_MAX : (std::int64_t{1} << (bytes * 8 - 1)) - 1; }

Operand integer(const Type* type, std::uint64_t bits) {
    Operand out;
    out.type = type;
    out.bits = normalize(bits, width_of(type), lang::is_signed(type));
    return out;
}

Operand floating(const Type* type, double real) {
    Operand out;
    out.type = type;
    out.real = type->kind() == lang::TypeKind::Float ? static_cast<double>(static_cast<float>(real)) : real;
    return out;
}

std::string type_name(const Type* type) { return lang::to_string(type->unqualified()); }

Result<Operand> signed_result(const Type* type, Wide exact) {
    const std::uint64_t bytes = width_of(type);
    if (exact < min_signed(bytes) || exact > max_signed(bytes)) {
        return Error{"overflows " + type_name(type) +
                     ": the exact result does not fit, and signed overflow is undefined in C (the program would stop here)"};
    }
    return integer(type, static_cast<std::uint64_t>(exact));
}

// Out of range (and NaN) is undefined in C; x86's cvttsd2si gives the most negative value,
// which is what the VM gives.
std::uint64_t float_to_integer(double value, const Type* to) {
    const std::uint64_t bytes = width_of(to);
    const bool is_signed = lang::is_signed(to);
    const double d = std::trunc(value);
    const int bits = static_cast<int>(bytes * 8);
    const double low = is_signed ? -std::ldexp(1.0, bits - 1) : 0.0;
    const double high = is_signed ? std::ldexp(1.0, bits - 1) : std::ldexp(1.0, bits);
    if (!(d >= low && d < high)) return normalize(static_cast<std::uint64_t>(min_signed(bytes)), bytes, is_signed);
    return is_signed ? static_cast<std::uint64_t>(static_cast<std::int64_t>(d)) : static_cast<std::uint64_t>(d);
}

}  // namespace

std::uint64_t normalize(std::uint64_t value, std::uint64_t bytes, bool is_signed) {
    if (bytes >= 8) return value;
    const std::uint64_t bits = bytes * 8;
    const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
    value &= mask;
    if (is_signed && (value >> (bits - 1)) != 0) value |= ~mask;
    return value;
}

bool truth(const Operand& value) {
    return lang::is_floating(value.type) ? value.real != 0.0 : value.bits != 0;
}

Operand convert(const Operand& value, const Type* to) {
    Operand out;
    out.type = to->unqualified();
    if (lang::is_void(to)) {
        out.form = Operand::Form::Void;
        return out;
    }
    const bool from_floating = lang::is_floating(value.type);
    if (to->kind() == lang::TypeKind::Bool) return integer(out.type, truth(value) ? 1 : 0);
    if (lang::is_floating(to)) {
        if (from_floating) return floating(out.type, value.real);
        const bool is_signed = lang::is_signed(value.type);
        const double real = is_signed ? static_cast<double>(static_cast<std::int64_t>(value.bits)) : static_cast<double>(value.bits);
        return floating(out.type, real);
    }
    if (from_floating) return integer(out.type, float_to_integer(value.real, out.type));
    out = integer(out.type, value.bits);
    if (lang::is_pointer(to)) {
        out.bits = normalize(value.bits, width_of(to), false);  // addresses are unsigned
        out.extent = value.extent;
    }
    return out;
}

Result<Operand> arithmetic(NodeKind op, const Type* type, const Operand& a, const Operand& b) {
    type = type->unqualified();
    if (lang::is_floating(type)) {
        switch (op) {
            case NodeKind::Add: return floating(type, a.real + b.real);
            case NodeKind::Sub: return floating(type, a.real - b.real);
            case NodeKind::Mul: return floating(type, a.real * b.real);
            case NodeKind::Div: return floating(type, a.real / b.real);  // IEEE: x/0 is inf or nan
            case NodeKind::Neg: return floating(type, -a.real);
            default: return Error{"is not an operation on floating values"};
        }
    }
    const std::uint64_t bytes = width_of(type);
    const bool is_signed = lang::is_signed(type);
    const auto sa = static_cast<std::int64_t>(a.bits);
    const auto sb = static_cast<std::int64_t>(b.bits);
    switch (op) {
        case NodeKind::Add: return is_signed ? signed_result(type, static_cast<Wide>(sa) + sb) : integer(type, a.bits + b.bits);
        case NodeKind::Sub: return is_signed ? signed_result(type, static_cast<Wide>(sa) - sb) : integer(type, a.bits - b.bits);
        case NodeKind::Mul: return is_signed ? signed_result(type, static_cast<Wide>(sa) * sb) : integer(type, a.bits * b.bits);
        case NodeKind::Neg: return is_signed ? signed_result(type, -static_cast<Wide>(sa)) : integer(type, 0 - a.bits);
        case NodeKind::BitNot: return integer(type, ~a.bits);
        case NodeKind::BitAnd: return integer(type, a.bits & b.bits);
        case NodeKind::BitOr: return integer(type, a.bits | b.bits);
        case NodeKind::BitXor: return integer(type, a.bits ^ b.bits);
        case NodeKind::Div:
        case NodeKind::Mod: {
            const bool divide = op == NodeKind::Div;
            if (b.bits == 0) return Error{divide ? "divides by zero" : "takes a remainder by zero"};
            if (!is_signed) return integer(type, divide ? a.bits / b.bits : a.bits % b.bits);
            if (sa == min_signed(bytes) && sb == -1) return signed_result(type, -static_cast<Wide>(sa));
            return integer(type, static_cast<std::uint64_t>(divide ? sa / sb : sa % sb));
        }
        case NodeKind::Shl:
        case NodeKind::Shr: {
            // The count's own type decides whether it is negative (shifts convert each side alone).
            const bool count_signed = lang::is_signed(b.type);
            if ((count_signed && sb < 0) || b.bits >= bytes * 8) {
                return Error{"shifts a " + std::to_string(bytes * 8) + "-bit " + type_name(type) + " by " +
                             (count_signed ? std::to_string(sb) : std::to_string(b.bits)) + " bits: the count must be 0 to " +
                             std::to_string(bytes * 8 - 1)};
            }
            if (op == NodeKind::Shr) return integer(type, is_signed ? static_cast<std::uint64_t>(sa >> sb) : a.bits >> sb);
            if (is_signed) return signed_result(type, static_cast<Wide>(sa) * (Wide{1} << sb));
            return integer(type, a.bits << sb);
        }
        default: return Error{"is not an arithmetic operation"};
    }
}

bool compare(NodeKind op, const Operand& a, const Operand& b) {
    if (lang::is_floating(a.type)) {
        switch (op) {
            case NodeKind::Lt: return a.real < b.real;
            case NodeKind::Le: return a.real <= b.real;
            case NodeKind::Gt: return a.real > b.real;
            case NodeKind::Ge: return a.real >= b.real;
            case NodeKind::Eq: return a.real == b.real;
            default: return a.real != b.real;
        }
    }
    // Pointers compare as addresses, unsigned.
    const bool is_signed = lang::is_integer(a.type) && lang::is_signed(a.type);
    const auto sa = static_cast<std::int64_t>(a.bits);
    const auto sb = static_cast<std::int64_t>(b.bits);
    switch (op) {
        case NodeKind::Lt: return is_signed ? sa < sb : a.bits < b.bits;
        case NodeKind::Le: return is_signed ? sa <= sb : a.bits <= b.bits;
        case NodeKind::Gt: return is_signed ? sa > sb : a.bits > b.bits;
        case NodeKind::Ge: return is_signed ? sa >= sb : a.bits >= b.bits;
        case NodeKind::Eq: return a.bits == b.bits;
        default: return a.bits != b.bits;
    }
}

std::uint64_t scalar_bytes(const Operand& value) {
    switch (value.type->kind()) {
        case lang::TypeKind::Float: return memviz::bit_cast<std::uint32_t>(static_cast<float>(value.real));
        case lang::TypeKind::Double:
        case lang::TypeKind::LongDouble: return memviz::bit_cast<std::uint64_t>(value.real);
        default: return value.bits;
    }
}

}  // namespace memviz::session::eval
