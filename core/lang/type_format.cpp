// Types written back as C, the way a student reads them: `int (*)[3]`, `char *const`,
// `int (*fp)(int)`.
//
// A C declarator reads inside out, so it is built inside out: start from the name, then for each
// derivation wrap it -- a pointer puts `*` (and its qualifiers) on the left, an array `[n]` and a
// function `(params)` on the right -- and put parentheses around a pointer before an array or a
// function is added, because `[]` and `()` bind tighter than `*`:
//
//   int (*fp)(int)     "fp" -> "*fp" -> "(*fp)(int)" -> base "int"
//   char *argv[3]      "argv" -> "argv[3]" -> "*argv[3]" -> base "char"
#include "lang/types.h"

namespace memviz::lang {
namespace {

std::string_view basic_name(TypeKind kind) {
    switch (kind) {
        case TypeKind::Void: return "void";
        case TypeKind::Bool: return "_Bool";
        case TypeKind::Char: return "char";
        case TypeKind::SChar: return "signed char";
        case TypeKind::UChar: return "unsigned char";
        case TypeKind::Short: return "short";
        case TypeKind::UShort: return "unsigned short";
        case TypeKind::Int: return "int";
        case TypeKind::UInt: return "unsigned int";
        case TypeKind::Long: return "long";
        case TypeKind::ULong: return "unsigned long";
        case TypeKind::LongLong: return "long long";
        case TypeKind::ULongLong: return "unsigned long long";
        case TypeKind::Float: return "float";
        case TypeKind::Double: return "double";
        case TypeKind::LongDouble: return "long double";
        case TypeKind::Enum: return "enum";
        case TypeKind::Struct: return "struct";
        case TypeKind::Union: return "union";
        case TypeKind::Pointer:
        case TypeKind::Array:
        case TypeKind::Function: break;
    }
    return "?";
}

// The type specifier a declaration starts with: `const unsigned long`, `struct node`.
std::string specifier(const Type* type) {
    std::string text = to_string(type->quals());
    if (!text.empty()) text += ' ';
    text += basic_name(type->kind());
    if (type->kind() == TypeKind::Enum || is_record(type)) {
        text += ' ';
        text += type->tag().empty() ? std::string_view("<anonymous>") : type->tag();
    }
    return text;
}

std::string parameter_list(const Type* function) {
    if (!function->has_prototype()) return "()";
    if (function->params().empty() && !function->is_variadic()) return "(void)";
    std::string text = "(";
    for (std::size_t i = 0; i < function->params().size(); ++i) {
        if (i > 0) text += ", ";
        text += to_string(function->params()[i]);
    }
    if (function->is_variadic()) text += function->params().empty() ? "..." : ", ...";
    return text + ")";
}

}  // namespace

std::string to_string(Quals quals) {
    std::string text;
    const auto add = [&](bool present, std::string_view word) {
        if (!present) return;
        if (!text.empty()) text += ' ';
        text += word;
    };
    add(quals.is_const, "const");
    add(quals.is_volatile, "volatile");
    add(quals.is_restrict, "restrict");
    return text;
}

std::string declaration(const Type* type, std::string_view name) {
    std::string declarator(name);
    bool after_pointer = false;  // the declarator's outermost derivation so far is a pointer
    for (;;) {
        if (is_pointer(type)) {
            const std::string quals = to_string(type->quals());
            std::string star = "*" + quals;
            if (!quals.empty() && !declarator.empty()) star += ' ';
            declarator = star + declarator;
            after_pointer = true;
            type = type->pointee();
        } else if (is_array(type) || is_function(type)) {
            if (after_pointer) declarator = "(" + declarator + ")";
            if (is_array(type)) {
                declarator += '[';
                if (type->length()) declarator += std::to_string(*type->length());
                declarator += ']';
                type = type->element();
            } else {
                declarator += parameter_list(type);
                type = type->return_type();
            }
            after_pointer = false;
        } else {
            break;
        }
    }
    std::string text = specifier(type);
    if (!declarator.empty()) text += ' ' + declarator;
    return text;
}

std::string to_string(const Type* type) { return declaration(type, ""); }

}  // namespace memviz::lang
