// The rules C applies to types: classification, integer promotions, the usual arithmetic
// conversions, compatibility and composite types, and the constraints of simple assignment with
// the messages gcc gives when they are broken. Section numbers are C99's.
#include "lang/types.h"

#include <algorithm>

namespace memviz::lang {

// --- Classification (6.2.5) ------------------------------------------------------------------

namespace {

TypeKind kind_of(const Type* type) { return type->kind(); }

// The unsigned type of the same rank (6.3.1.8's last step). Precondition: a signed integer kind.
TypeKind unsigned_kind(TypeKind kind) {
    switch (kind) {
        case TypeKind::Char:
        case TypeKind::SChar: return TypeKind::UChar;
        case TypeKind::Short: return TypeKind::UShort;
        case TypeKind::Long: return TypeKind::ULong;
        case TypeKind::LongLong: return TypeKind::ULongLong;
        default: return TypeKind::UInt;
    }
}

}  // namespace

bool is_void(const Type* type) { return kind_of(type) == TypeKind::Void; }
bool is_pointer(const Type* type) { return kind_of(type) == TypeKind::Pointer; }
bool is_array(const Type* type) { return kind_of(type) == TypeKind::Array; }
bool is_function(const Type* type) { return kind_of(type) == TypeKind::Function; }

bool is_integer(const Type* type) {
    const TypeKind kind = kind_of(type);
    return (kind >= TypeKind::Bool && kind <= TypeKind::ULongLong) || kind == TypeKind::Enum;
}

bool is_floating(const Type* type) {
    const TypeKind kind = kind_of(type);
    return kind == TypeKind::Float || kind == TypeKind::Double || kind == TypeKind::LongDouble;
}

bool is_arithmetic(const Type* type) { return is_integer(type) || is_floating(type); }
bool is_scalar(const Type* type) { return is_arithmetic(type) || is_pointer(type); }

bool is_record(const Type* type) {
    return kind_of(type) == TypeKind::Struct || kind_of(type) == TypeKind::Union;
}

bool is_signed(const Type* type) {
    switch (kind_of(type)) {
        case TypeKind::Char:  // signed on x86-64 and i386 alike
        case TypeKind::SChar:
        case TypeKind::Short:
        case TypeKind::Int:
        case TypeKind::Long:
        case TypeKind::LongLong:
        case TypeKind::Enum: return true;
        default: return false;
    }
}

int rank(const Type* type) {
    switch (kind_of(type)) {
        case TypeKind::Bool: return 1;
        case TypeKind::Char:
        case TypeKind::SChar:
        case TypeKind::UChar: return 2;
        case TypeKind::Short:
        case TypeKind::UShort: return 3;
        case TypeKind::Int:
        case TypeKind::UInt:
        case TypeKind::Enum: return 4;
        case TypeKind::Long:
        case TypeKind::ULong: return 5;
        case TypeKind::LongLong:
        case TypeKind::ULongLong: return 6;
        default: return 0;
    }
}

// --- Conversions (6.3) -----------------------------------------------------------------------

const Type* TypeTable::decay(const Type* type) {
    if (is_array(type)) return pointer_to(type->element());
    if (is_function(type)) return pointer_to(type);
    return type;
}

const Type* TypeTable::promote(const Type* type) const {
    // Every type of rank below int fits in int on both targets (int is 4 bytes, short 2), so
    // none of them promotes to unsigned int.
    if (is_integer(type) && rank(type) <= rank(basic(TypeKind::Int)) && kind_of(type) != TypeKind::UInt) {
        return basic(TypeKind::Int);
    }
    return type->unqualified();
}

const Type* TypeTable::argument_promote(const Type* type) const {
    if (kind_of(type) == TypeKind::Float) return basic(TypeKind::Double);
    return promote(type);
}

const Type* TypeTable::usual_arithmetic(const Type* a, const Type* b) const {
    for (TypeKind floating : {TypeKind::LongDouble, TypeKind::Double, TypeKind::Float}) {
        if (kind_of(a) == floating || kind_of(b) == floating) return basic(floating);
    }
    a = promote(a);
    b = promote(b);
    if (a == b) return a;
    if (is_signed(a) == is_signed(b)) return rank(a) >= rank(b) ? a : b;
    const Type* unsigned_one = is_signed(a) ? b : a;
    const Type* signed_one = is_signed(a) ? a : b;
    if (rank(unsigned_one) >= rank(signed_one)) return unsigned_one;
    // The signed type wins only if it can hold every value of the unsigned one: here, when it
    // is wider (LP64: unsigned int + long is long; ILP32: both 4 bytes, so unsigned long).
    if (signed_one->size() > unsigned_one->size()) return signed_one;
    return basic(unsigned_kind(kind_of(signed_one)));
}

// --- Compatible and composite types (6.2.7) --------------------------------------------------

namespace {

// A parameter type an unprototyped call could pass unchanged: its default argument promotion
// is itself (6.7.5.3p15).
bool survives_default_promotions(const Type* param) {
    switch (kind_of(param)) {
        case TypeKind::Bool:
        case TypeKind::Char:
        case TypeKind::SChar:
        case TypeKind::UChar:
        case TypeKind::Short:
        case TypeKind::UShort:
        case TypeKind::Float: return false;
        default: return true;
    }
}

bool compatible_functions(const Type* a, const Type* b) {
    if (!compatible(a->return_type(), b->return_type())) return false;
    if (a->has_prototype() && b->has_prototype()) {
        if (a->is_variadic() != b->is_variadic() || a->params().size() != b->params().size()) return false;
        return std::equal(a->params().begin(), a->params().end(), b->params().begin(),
                          [](const Type* x, const Type* y) { return compatible(x, y); });
    }
    const Type* prototype = a->has_prototype() ? a : b->has_prototype() ? b : nullptr;
    if (prototype == nullptr) return true;
    if (prototype->is_variadic()) return false;
    return std::all_of(prototype->params().begin(), prototype->params().end(), survives_default_promotions);
}

}  // namespace

bool compatible(const Type* a, const Type* b) {
    if (a == b) return true;
    if (!(a->quals() == b->quals())) return false;
    a = a->unqualified();
    b = b->unqualified();
    if (a == b) return true;
    // An enum is compatible with its underlying type, int (6.7.2.2p4).
    const auto enum_and_int = [](const Type* x, const Type* y) {
        return kind_of(x) == TypeKind::Enum && kind_of(y) == TypeKind::Int;
    };
    if (enum_and_int(a, b) || enum_and_int(b, a)) return true;
    if (kind_of(a) != kind_of(b)) return false;
    switch (kind_of(a)) {
        case TypeKind::Pointer: return compatible(a->pointee(), b->pointee());
        case TypeKind::Array:
            if (a->length() && b->length() && *a->length() != *b->length()) return false;
            return compatible(a->element(), b->element());
        case TypeKind::Function: return compatible_functions(a, b);
        // Struct, union and enum types are each their own declaration's; basic types are
        // interned: two different unqualified objects are two different types.
        default: return false;
    }
}

const Type* TypeTable::composite(const Type* a, const Type* b) {
    if (a == b || kind_of(a) != kind_of(b)) return a;
    const Quals quals = a->quals();
    a = a->unqualified();
    b = b->unqualified();
    switch (kind_of(a)) {
        case TypeKind::Pointer: return qualified(pointer_to(composite(a->pointee(), b->pointee())), quals);
        case TypeKind::Array:
            return make_array(composite(a->element(), b->element()), a->length() ? a->length() : b->length());
        case TypeKind::Function: {
            const Type* result = composite(a->return_type(), b->return_type());
            if (!a->has_prototype() && !b->has_prototype()) return function(result, {}, false, false).value();
            if (!a->has_prototype()) std::swap(a, b);  // a has the prototype
            std::vector<const Type*> params(a->params().begin(), a->params().end());
            if (b->has_prototype()) {
                for (std::size_t i = 0; i < params.size(); ++i) params[i] = composite(params[i], b->params()[i]);
            }
            return function(result, std::move(params), a->is_variadic(), true).value();
        }
        default: return qualified(a, quals);
    }
}

// --- Simple assignment (6.5.16.1) ------------------------------------------------------------

namespace {


// The words gcc uses for each context, so the checker's messages read like the compiler's.
class AssignWords {
public:
    AssignWords(const Type* to, const Type* from, AssignContext context)
        : m_to(quoted(to)), m_from(quoted(from)), m_context(context) {}

    // "assignment", "initialization", "return", "passing argument 2 of 'f'"
    std::string action() const {
        switch (m_context.kind) {
            case AssignKind::Assignment: return "assignment";
            case AssignKind::Initialization: return "initialization";
            case AssignKind::Return: return "return";
            case AssignKind::Argument: break;
        }
        std::string text = "passing argument " + std::to_string(m_context.argument);
        if (!m_context.function.empty()) text += " of '" + std::string(m_context.function) + "'";
        return text;
    }

    // "assignment to 'int *' from 'int'" and its siblings; `pointer` inserts
    // "incompatible pointer type" before the source type.
    std::string from_to(bool incompatible_pointer) const {
        const std::string source = (incompatible_pointer ? "incompatible pointer type " : "") + m_from;
        switch (m_context.kind) {
            case AssignKind::Assignment: return "assignment to " + m_to + " from " + source;
            case AssignKind::Initialization: return "initialization of " + m_to + " from " + source;
            case AssignKind::Return:
                return "returning " + m_from + " from a function with " +
                       (incompatible_pointer ? "incompatible return type " : "return type ") + m_to;
            case AssignKind::Argument: break;
        }
        return action() + (incompatible_pointer ? " from incompatible pointer type" : "");
    }

    std::string incompatible_types() const {
        switch (m_context.kind) {
            case AssignKind::Assignment:
                return "incompatible types when assigning to type " + m_to + " from type " + m_from;
            case AssignKind::Initialization:
                return "incompatible types when initializing type " + m_to + " using type " + m_from;
            case AssignKind::Return:
                return "incompatible types when returning type " + m_from + " but " + m_to + " was expected";
            case AssignKind::Argument: break;
        }
        std::string text = "incompatible type for argument " + std::to_string(m_context.argument);
        if (!m_context.function.empty()) text += " of '" + std::string(m_context.function) + "'";
        return text;
    }

    AssignCheck verdict(Verdict verdict, std::string message) const {
        AssignCheck check{verdict, std::move(message), {}};
        if (m_context.kind == AssignKind::Argument) {
            check.note = "expected " + m_to + " but argument is of type " + m_from;
        }
        return check;
    }

private:
    std::string m_to;
    std::string m_from;
    AssignContext m_context;
};

// The qualifiers of `from` that `to` lacks.
Quals missing(Quals to, Quals from) {
    return {from.is_const && !to.is_const, from.is_volatile && !to.is_volatile,
            from.is_restrict && !to.is_restrict};
}

}  // namespace

AssignCheck TypeTable::check_assignment(const Type* to, const Type* from, bool from_is_null_constant,
                                        AssignContext context) {
    to = to->unqualified();
    from = decay(from)->unqualified();
    const AssignWords words(to, from, context);
    const auto ok = AssignCheck{};

    if (is_void(from)) return words.verdict(Verdict::Error, "void value not ignored as it ought to be");
    if (is_array(to)) {
        return words.verdict(Verdict::Error, context.kind == AssignKind::Assignment
                                                 ? "assignment to expression with array type"
                                                 : "invalid initializer: an array needs a braced list");
    }
    if (is_arithmetic(to) && is_arithmetic(from)) return ok;
    if (kind_of(to) == TypeKind::Bool && is_pointer(from)) return ok;
    if (is_record(to) && compatible(to, from)) return ok;

    if (is_pointer(to) && is_integer(from)) {
        if (from_is_null_constant) return ok;
        return words.verdict(Verdict::Warning, words.from_to(false) + " makes pointer from integer without a cast");
    }
    if (is_integer(to) && is_pointer(from)) {
        return words.verdict(Verdict::Warning, words.from_to(false) + " makes integer from pointer without a cast");
    }
    if (!is_pointer(to) || !is_pointer(from)) return words.verdict(Verdict::Error, words.incompatible_types());

    // Both pointers.
    if (from_is_null_constant) return ok;
    const Type* to_target = to->pointee();
    const Type* from_target = from->pointee();
    const bool void_involved = is_void(to_target) || is_void(from_target);
    if (void_involved && (is_function(to_target) || is_function(from_target))) {
        return words.verdict(Verdict::Warning,
                             "ISO C forbids " + words.action() + " between function pointer and 'void *'");
    }
    if (!void_involved && !compatible(to_target->unqualified(), from_target->unqualified())) {
        return words.verdict(Verdict::Warning, words.from_to(true));
    }
    const Quals lost = missing(to_target->quals(), from_target->quals());
    if (!lost.none()) {
        return words.verdict(Verdict::Warning, words.action() + " discards '" + to_string(lost) +
                                                   "' qualifier from pointer target type");
    }
    return ok;
}

}  // namespace memviz::lang
