// Arithmetic as C defines it on the target: integers wrap in their width when unsigned; signed
// overflow, division by zero and out-of-range shifts are errors; doubles are IEEE doubles and
// floats are doubles rounded to float precision.
#include <cmath>
#include <limits>

#include "support/bit_cast.h"
#include "vm/vm.h"

namespace memviz::vm {
namespace {

// Signed results are computed exactly, one size up, before checking them against their type.
__extension__ typedef __int128 Wide;

// Keeps the low `width` bytes, sign- or zero-extended to 64 bits: how every integer slot is held.
std::uint64_t normalize(std::uint64_t value, unsigned width, bool is_signed) {
    if (width >= 8) return value;
    const unsigned bits = width * 8;
    const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
    value &= mask;
    if (is_signed && (value >> (bits - 1)) != 0) value |= ~mask;
    return value;
}

std::int64_t min_signed(unsigned width) { return width >= 8 ? INT64_MIN : -(std::int64_t{1} << (width * 8 - 1)); }
std::int64_t max_signed(unsigned width) { return width >= 8 ? INT64_MAX : (std::int64_t{1} << (width * 8 - 1)) - 1; }

double as_double(std::uint64_t bits) { return memviz::bit_cast<double>(bits); }
std::uint64_t bits_of(double value) { return memviz::bit_cast<std::uint64_t>(value); }

const char* type_name(unsigned width, bool is_signed) {
    if (width == 4) return is_signed ? "int" : "unsigned int";
    return is_signed ? "long" : "unsigned long";
}

}  // namespace

void Vm::integer_op(const Instr& instr) {
    const unsigned width = instr.width;
    const bool is_signed = (instr.flags & kSigned) != 0;
    const bool unary = instr.op == Op::Neg || instr.op == Op::BitNot;
    if (!require_initialized(unary ? 1 : 2, "computes with")) return;
    const std::uint64_t b = unary ? 0 : pop();
    const std::uint64_t a = pop();
    const auto sa = static_cast<std::int64_t>(a);
    const auto sb = static_cast<std::int64_t>(b);
    auto type = [&] { return std::string(type_name(width, is_signed)); };

    // Signed results are computed exactly in 128 bits, then checked against the type's range.
    auto signed_result = [&](Wide exact, const char* what) {
        if (exact < min_signed(width) || exact > max_signed(width)) {
            const bool going_on = report(RuntimeError{
                RuntimeErrorKind::SignedOverflow, {}, std::string(what) + " overflows " + type(),
                "The exact result does not fit in " + type() + ". Signed overflow is undefined in C: "
                "the program may do anything. Use a wider type, or an unsigned one if wrapping "
                "around is what you want.", std::nullopt});
            if (!going_on) return;
        }
        // In range, or kept going past the overflow: x86 wraps around.
        push(normalize(static_cast<std::uint64_t>(exact), width, true));
    };

    switch (instr.op) {
        case Op::Add:
            if (is_signed) return signed_result(static_cast<Wide>(sa) + sb, "the addition");
            return push(normalize(a + b, width, false));
        case Op::Sub:
            if (is_signed) return signed_result(static_cast<Wide>(sa) - sb, "the subtraction");
            return push(normalize(a - b, width, false));
        case Op::Mul:
            if (is_signed) return signed_result(static_cast<Wide>(sa) * sb, "the multiplication");
            return push(normalize(a * b, width, false));
        case Op::Div:
        case Op::Rem: {
            const bool divide = instr.op == Op::Div;
            if (normalize(b, width, is_signed) == 0) {
                return fail(RuntimeErrorKind::DivisionByZero, divide ? "division by zero" : "remainder by zero",
                            "The right operand of / and % must not be zero: the result is undefined, "
                            "and on x86 the program is killed (SIGFPE).");
            }
            if (is_signed) {
                if (sa == min_signed(width) && sb == -1) {
                    return signed_result(-static_cast<Wide>(sa), divide ? "the division" : "the remainder");
                }
                return push(normalize(static_cast<std::uint64_t>(divide ? sa / sb : sa % sb), width, true));
            }
            return push(normalize(divide ? a / b : a % b, width, false));
        }
        case Op::Shl:
        case Op::Shr: {
            if (sb < 0 || static_cast<std::uint64_t>(sb) >= width * 8u) {
                return fail(RuntimeErrorKind::ShiftOutOfRange,
                            "shift by " + std::to_string(sb) + " bits of a " + std::to_string(width * 8) + "-bit " + type(),
                            "A shift count must be at least 0 and less than the width of the promoted left "
                            "operand; otherwise the result is undefined.");
            }
            if (instr.op == Op::Shr) {
                return push(is_signed ? normalize(static_cast<std::uint64_t>(sa >> sb), width, true)
                                      : normalize(a >> sb, width, false));
            }
            if (is_signed) return signed_result(static_cast<Wide>(sa) * (Wide{1} << sb), "the left shift");
            return push(normalize(a << sb, width, false));
        }
        case Op::BitAnd: return push(normalize(a & b, width, is_signed));
        case Op::BitOr: return push(normalize(a | b, width, is_signed));
        case Op::BitXor: return push(normalize(a ^ b, width, is_signed));
        case Op::Neg:
            if (is_signed) return signed_result(-static_cast<Wide>(sa), "the negation");
            return push(normalize(0 - a, width, false));
        case Op::BitNot: return push(normalize(~a, width, is_signed));
        case Op::Eq: return push(a == b);
        case Op::Ne: return push(a != b);
        case Op::Lt: return push(is_signed ? sa < sb : a < b);
        case Op::Le: return push(is_signed ? sa <= sb : a <= b);
        case Op::Gt: return push(is_signed ? sa > sb : a > b);
        case Op::Ge: return push(is_signed ? sa >= sb : a >= b);
        default: break;
    }
}

void Vm::float_op(const Instr& instr) {
    if (!require_initialized(instr.op == Op::FNeg ? 1 : 2, "computes with")) return;
    if (instr.op == Op::FNeg) return push(bits_of(-as_double(pop())));
    const double b = as_double(pop());
    const double a = as_double(pop());
    switch (instr.op) {
        case Op::FAdd: return push(bits_of(a + b));
        case Op::FSub: return push(bits_of(a - b));
        case Op::FMul: return push(bits_of(a * b));
        case Op::FDiv: return push(bits_of(a / b));  // IEEE: x/0 is inf or nan, not an error
        case Op::FEq: return push(a == b);
        case Op::FNe: return push(a != b);
        case Op::FLt: return push(a < b);
        case Op::FLe: return push(a <= b);
        case Op::FGt: return push(a > b);
        case Op::FGe: return push(a >= b);
        default: break;
    }
}

namespace {

// The value of a conversion instruction applied to `value`.
std::uint64_t converted(Op op, std::uint64_t value, unsigned width, bool is_signed) {
    switch (op) {
        case Op::IntCast: return normalize(value, width, is_signed);
        case Op::IntToFloat: {
            const std::uint64_t source = normalize(value, width, is_signed);
            return bits_of(is_signed ? static_cast<double>(static_cast<std::int64_t>(source)) : static_cast<double>(source));
        }
        case Op::FloatToInt: {
            // Out of range (and NaN) is undefined in C; x86's cvttsd2si gives the "integer
            // indefinite" value, the most negative one, which is what a student would observe.
            const double d = std::trunc(as_double(value));
            const int bits = static_cast<int>(width * 8);
            const double low = is_signed ? -std::ldexp(1.0, bits - 1) : 0.0;                    // inclusive
            const double high = is_signed ? std::ldexp(1.0, bits - 1) : std::ldexp(1.0, bits);  // exclusive
            if (!(d >= low && d < high)) return normalize(static_cast<std::uint64_t>(min_signed(width)), width, is_signed);
            return normalize(is_signed ? static_cast<std::uint64_t>(static_cast<std::int64_t>(d)) : static_cast<std::uint64_t>(d),
                             width, is_signed);
        }
        case Op::FloatRound: return bits_of(static_cast<double>(static_cast<float>(as_double(value))));
        default: return value;
    }
}

}  // namespace

void Vm::convert(const Instr& instr) {
    // A conversion only copies a value into another type: an uninitialized one stays so.
    const Operand operand = pop_operand();
    push(Operand{converted(instr.op, operand.value, instr.width, (instr.flags & kSigned) != 0), operand.uninitialized_from});
}

}  // namespace memviz::vm
