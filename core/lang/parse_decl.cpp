// Declarations: declaration specifiers, declarators (pointers, arrays, functions, nested in
// parentheses), struct/union/enum specifiers, typedef names, and declarations at file and block
// scope. A type is built inside out, as C reads it: `int *(*fp)[3]` is pointer to array of 3
// pointers to int, so a parenthesized declarator is parsed after the suffix that follows it.
#include "lang/parse_internal.h"

namespace memviz::lang {
namespace {

constexpr std::string_view kTypeKeywords[] = {
    "void", "_Bool", "char", "short", "int", "long", "float", "double", "signed", "unsigned",
    "struct", "union", "enum", "const", "volatile", "restrict", "typedef", "static", "extern",
    "auto", "register", "inline", "_Noreturn", "_Complex", "_Imaginary", "_Alignas", "_Atomic",
    "_Thread_local", "__attribute__", "typeof", "__typeof__", "__int128"};

constexpr std::string_view kUnsupportedSpecifiers[] = {
    "_Complex", "_Imaginary", "_Alignas", "_Atomic", "_Thread_local", "__attribute__", "typeof",
    "__typeof__", "__int128"};

bool contains(std::span<const std::string_view> list, std::string_view word) {
    for (std::string_view item : list)
        if (item == word) return true;
    return false;
}

}  // namespace

bool Parser::is_typename(const Token& token) const {
    if (token.kind != TokenKind::Identifier) return false;
    if (contains(kTypeKeywords, token.text)) return true;
    const Symbol* symbol = find_symbol(token.text);
    return symbol && symbol->kind == Symbol::Kind::Typedef;
}

bool Parser::is_typename() const { return is_typename(tok()); }

// declspec = ("void" | "_Bool" | "char" | "short" | "int" | "long" | "float" | "double"
//             | "signed" | "unsigned" | struct-or-union-specifier | enum-specifier
//             | typedef-name | "const" | "volatile" | "restrict" | "typedef" | "static"
//             | "extern" | "auto" | "register" | "inline" | "_Noreturn")+
DeclSpec Parser::declspec(bool allow_storage) {
    DeclSpec spec;
    spec.loc = tok().loc;
    Quals quals;
    int counts[10] = {};  // void _Bool char short int long float double signed unsigned
    constexpr std::string_view kBasic[10] = {"void", "_Bool", "char", "short", "int", "long",
                                             "float", "double", "signed", "unsigned"};
    const Type* named = nullptr;  // struct, union, enum or typedef name
    bool any_specifier = false;
    while (tok().kind == TokenKind::Identifier) {
        const std::string word = tok().text;
        const SourceLoc loc = tok().loc;
        if (contains(kUnsupportedSpecifiers, word)) {
            syntax_error("not supported yet: '" + word + "'");
            return spec.type = m_types.basic(TypeKind::Int), spec;
        }
        StorageClass storage = StorageClass::None;
        if (word == "typedef") storage = StorageClass::Typedef;
        else if (word == "extern") storage = StorageClass::Extern;
        else if (word == "static") storage = StorageClass::Static;
        else if (word == "auto") storage = StorageClass::Auto;
        else if (word == "register") storage = StorageClass::Register;
        if (storage != StorageClass::None) {
            if (!allow_storage) m_diag.error(loc, "storage class '" + word + "' is not allowed here");
            else if (spec.storage != StorageClass::None) m_diag.error(loc, "multiple storage classes in declaration specifiers");
            else spec.storage = storage;
            advance();
            continue;
        }
        if (word == "const" || word == "volatile" || word == "restrict") {
            quals = quals | (word == "const" ? kConst : word == "volatile" ? kVolatile : kRestrict);
            advance();
            continue;
        }
        if (word == "inline" || word == "_Noreturn") {
            spec.is_inline = true;
            advance();
            continue;
        }
        bool basic = false;
        for (int i = 0; i < 10; ++i) {
            if (word == kBasic[i]) {
                ++counts[i];
                basic = true;
            }
        }
        if (basic) {
            if (named) m_diag.error(loc, "two or more data types in declaration specifiers");
            any_specifier = true;
            advance();
            continue;
        }
        if (word == "struct" || word == "union" || word == "enum") {
            if (any_specifier || named) m_diag.error(loc, "two or more data types in declaration specifiers");
            const bool body = peek(1).is("{") || (peek(1).kind == TokenKind::Identifier && peek(2).is("{"));
            const bool forward = peek(1).kind == TokenKind::Identifier && peek(2).is(";");
            named = word == "enum" ? enum_specifier() : struct_or_union(word == "struct" ? TypeKind::Struct : TypeKind::Union);
            spec.defined_tag = body;
            spec.declared_tag = forward;
            if (m_panic) return spec.type = named, spec;
            continue;
        }
        const Symbol* symbol = find_symbol(word);
        if (!any_specifier && !named && symbol && symbol->kind == Symbol::Kind::Typedef) {
            named = symbol->type;
            advance();
            continue;
        }
        break;
    }
    const auto& [n_void, n_bool, n_char, n_short, n_int, n_long, n_float, n_double, n_signed, n_unsigned] = counts;
    const Type* type = named;
    if (!named) {
        TypeKind kind = TypeKind::Int;
        const int total = n_void + n_bool + n_char + n_short + n_int + n_long + n_float + n_double + n_signed + n_unsigned;
        bool valid = n_signed + n_unsigned <= 1 && n_long <= 2 && n_short <= 1 && n_int <= 1;
        const int others = n_void + n_bool + n_char + n_float + n_double;
        if (others > 1 || (others == 1 && (n_short || n_int || n_long > (n_double ? 1 : 0)))) valid = false;
        if ((n_void || n_bool || n_float || n_double) && (n_signed || n_unsigned)) valid = false;
        if (n_short && n_long) valid = false;
        if (!valid) {
            m_diag.error(spec.loc, "two or more data types in declaration specifiers");
        } else if (n_void) kind = TypeKind::Void;
        else if (n_bool) kind = TypeKind::Bool;
        else if (n_char) kind = n_signed ? TypeKind::SChar : n_unsigned ? TypeKind::UChar : TypeKind::Char;
        else if (n_float) kind = TypeKind::Float;
        else if (n_double) kind = n_long ? TypeKind::LongDouble : TypeKind::Double;
        else if (n_short) kind = n_unsigned ? TypeKind::UShort : TypeKind::Short;
        else if (n_long == 2) kind = n_unsigned ? TypeKind::ULongLong : TypeKind::LongLong;
        else if (n_long == 1) kind = n_unsigned ? TypeKind::ULong : TypeKind::Long;
        else kind = n_unsigned ? TypeKind::UInt : TypeKind::Int;
        if (total == 0) {
            if (tok().kind == TokenKind::Identifier && !is_keyword(tok().text) &&
                (peek(1).kind == TokenKind::Identifier || peek(1).is("*")))
                m_diag.error(tok().loc, "unknown type name '" + tok().text + "'");
            else
                m_diag.warning(spec.loc, "type defaults to 'int' in declaration");
            if (tok().kind == TokenKind::Identifier && !is_keyword(tok().text) &&
                (peek(1).kind == TokenKind::Identifier || peek(1).is("*")))
                advance();  // skip the unknown type name, go on with the declarator
        }
        type = m_types.basic(kind);
    }
    spec.type = quals.none() ? type : m_types.qualified(type, quals);
    return spec;
}

// declarator = ("*" ("const" | "volatile" | "restrict")*)* direct-declarator
// direct-declarator = (ident | "(" declarator ")")? type-suffix
// (the identifier is omitted in an abstract declarator, for casts, sizeof and parameters)
Declarator Parser::declarator(const Type* base, bool abstract) {
    Declarator out;
    out.type = base;
    out.loc = tok().loc;
    out.file = tok().file;
    if (!enter(tok().loc)) return out;
    const Type* type = base;
    while (consume("*")) {
        type = m_types.pointer_to(type);
        Quals quals;
        while (at("const") || at("volatile") || at("restrict")) {
            quals = quals | (at("const") ? kConst : at("volatile") ? kVolatile : kRestrict);
            advance();
        }
        if (!quals.none()) type = m_types.qualified(type, quals);
    }
    const Token& next = peek(1);
    const bool nested = at("(") && (next.is("*") || next.is("(") || next.is("[") ||
                                    (!abstract && next.kind == TokenKind::Identifier && !is_typename(next)));
    if (nested) {
        advance();
        const std::size_t inner_start = m_pos;
        int depth = 1;
        while (!at_eof() && depth > 0) {
            if (at("(")) ++depth;
            if (at(")")) --depth;
            if (depth > 0) advance();
        }
        expect(")");
        const Type* outer = type_suffix(type, out);
        const std::size_t end = m_pos;
        m_pos = inner_start;
        Declarator inner = declarator(outer, abstract);
        if (!at(")")) syntax_error("expected ')' before " + spelling());
        m_pos = end;
        out.type = inner.type;
        out.name = inner.name;
        out.loc = inner.loc;
        if (inner.has_params) {
            out.params = std::move(inner.params);
            out.has_params = true;
        }
        leave();
        return out;
    }
    if (tok().kind == TokenKind::Identifier && !is_keyword(tok().text)) {
        out.name = tok().text;
        out.loc = tok().loc;
        out.file = tok().file;
        advance();
    } else if (!abstract) {
        syntax_error("expected identifier or '(' before " + spelling());
    }
    out.type = type_suffix(type, out);
    leave();
    return out;
}

// type-suffix = "(" func-params | "[" array-dimension "]" type-suffix | ε
// func-params = ("void" | param ("," param)* ("," "...")?)? ")"
// param = declspec declarator
const Type* Parser::type_suffix(const Type* base, Declarator& out) {
    const SourceLoc loc = tok().loc;
    if (consume("[")) {
        std::optional<std::uint64_t> length;
        while (at("static") || at("const") || at("volatile") || at("restrict")) advance();
        if (!at("]")) {
            // After an error the array gets one element, so its uses don't cascade.
            const auto n = array_length(out.name);
            length = n ? static_cast<std::uint64_t>(*n) : 1;
        }
        expect("]");
        if (!enter(loc)) return base;  // `a[1][1]...` nests as deeply as parentheses do
        const Type* element = type_suffix(base, out);
        leave();
        auto array = m_types.array_of(element, length);
        if (!array.ok()) {
            m_diag.error(loc, array.error());
            return m_types.basic(TypeKind::Int);
        }
        return array.value();
    }
    if (!at("(")) return base;
    advance();
    std::vector<ParamInfo> params;
    bool variadic = false;
    bool prototyped = true;
    if (at(")")) {
        prototyped = false;
    } else if (at("void") && peek(1).is(")")) {
        advance();
    } else if (tok().kind == TokenKind::Identifier && !is_typename() && !is_keyword(tok().text)) {
        syntax_error("not supported yet: old-style (K&R) parameter list; declare each parameter "
                     "with its type, as in 'int f(int a)'");
        // Skip the parameter declarations up to the body, which recover() then skips whole.
        while (!at_eof() && !at(")")) advance();
        advance();
        if (!at(";"))
            while (!at_eof() && !at("{")) advance();
        return base;
    } else {
        while (!at_eof()) {
            if (consume("...")) {
                if (params.empty()) m_diag.error(loc, "ISO C requires a named argument before '...'");
                variadic = true;
                break;
            }
            if (!is_typename()) {
                syntax_error("expected declaration specifiers or '...' before " + spelling());
                return base;
            }
            const DeclSpec spec = declspec(false);
            Declarator d = declarator(spec.type, true);
            if (m_panic) return base;
            const Type* type = d.type;
            if (is_array(type)) type = m_types.qualified(m_types.pointer_to(type->element()), type->quals());
            else if (is_function(type)) type = m_types.pointer_to(type);
            params.push_back({d.name, d.loc, type});
            if (!consume(",")) break;
        }
    }
    if (!expect(")")) return base;
    const Type* ret = type_suffix(base, out);
    std::vector<const Type*> types;
    for (const ParamInfo& p : params) types.push_back(p.type);
    auto func = m_types.function(ret, std::move(types), variadic, prototyped);
    if (!func.ok()) {
        m_diag.error(loc, func.error());
        func = m_types.function(m_types.basic(TypeKind::Int), {}, false, false);
    }
    out.params = std::move(params);
    out.has_params = true;
    return func.value();
}

// array-dimension = const-expr
std::optional<std::int64_t> Parser::array_length(std::string_view name) {
    const SourceLoc loc = tok().loc;
    Node* size = conditional();
    if (size->poisoned) return std::nullopt;
    if (!is_integer(size->type)) {
        m_diag.error(loc, name.empty() ? "size of array has non-integer type"
                                       : "size of array '" + std::string(name) + "' has non-integer type");
        return std::nullopt;
    }
    const auto value = evaluate_integer(size);
    if (!value) {
        m_diag.error(loc, "not supported yet: variable-length array" +
                              (name.empty() ? std::string() : " '" + std::string(name) + "'") +
                              " (the size is not a constant expression)");
        return std::nullopt;
    }
    if (*value < 0 && is_signed(size->type)) {
        m_diag.error(loc, name.empty() ? "size of array is negative"
                                       : "size of array '" + std::string(name) + "' is negative");
        return std::nullopt;
    }
    return value;
}

// type-name = declspec abstract-declarator
const Type* Parser::type_name() {
    const DeclSpec spec = declspec(false);
    const Declarator d = declarator(spec.type, true);
    if (!d.name.empty()) m_diag.error(d.loc, "unexpected name '" + d.name + "' in a type name");
    return d.type;
}

// struct-or-union-specifier = ("struct" | "union") ident? ("{" struct-declaration* "}")?
// struct-declaration = declspec (declarator ("," declarator)*)? ";"
const Type* Parser::struct_or_union(TypeKind kind) {
    const std::string keyword = kind == TypeKind::Struct ? "struct" : "union";
    advance();
    std::string tag;
    SourceLoc tag_loc = tok().loc;
    if (tok().kind == TokenKind::Identifier && !is_keyword(tok().text)) {
        tag = tok().text;
        advance();
    }
    if (tag.empty() && !at("{")) {
        syntax_error("expected '{' or a tag name after '" + keyword + "'");
        return m_types.basic(TypeKind::Int);
    }
    const Type* type = nullptr;
    if (!tag.empty()) {
        const bool define = at("{") || at(";");
        if (const TagSymbol* found = find_tag(tag, define)) {
            type = found->type;
            if (type->kind() != kind) {
                Diagnostic& e = m_diag.error(tag_loc, "'" + tag + "' defined as wrong kind of tag");
                Diagnostics::note(e, found->loc, "previous declaration of '" + tag + "' was here");
                type = nullptr;
            }
        }
        if (type && at("{") && type->is_complete()) {
            Diagnostic& e = m_diag.error(tag_loc, "redefinition of '" + keyword + " " + tag + "'");
            Diagnostics::note(e, find_tag(tag, true)->loc, "originally defined here");
            type = nullptr;
        }
        if (!type) {
            type = m_types.new_record(kind, tag);
            m_scopes.back().tags[tag] = {type, tag_loc};
        }
    } else {
        type = m_types.new_record(kind, "");
    }
    if (!at("{")) return type;
    if (!enter(tok().loc)) return type;  // a member's type may be a struct defined in place
    advance();
    std::vector<Field> fields;
    std::vector<SourceLoc> locs;
    while (!at("}") && !at_eof()) {
        if (at("_Static_assert")) {
            static_assert_declaration();
            continue;
        }
        if (!is_typename()) {
            syntax_error("expected specifier-qualifier-list before " + spelling());
            break;
        }
        const SourceLoc loc = tok().loc;
        const DeclSpec spec = declspec(false);
        if (m_panic) break;
        if (consume(";")) {
            if (is_record(spec.type) && spec.type->tag().empty()) {
                fields.push_back({"", spec.type, std::nullopt, 0});
                locs.push_back(loc);
            } else {
                m_diag.warning(loc, "declaration does not declare anything");
            }
            continue;
        }
        while (!at_eof()) {
            Declarator d = declarator(spec.type, false);
            if (m_panic) break;
            Field field{d.name, d.type, std::nullopt, 0};
            if (consume(":")) {
                const auto width = const_expr("bit-field width");
                field.bit_width = static_cast<std::uint64_t>(width.value_or(1));
            }
            if (is_function(d.type)) {
                m_diag.error(d.loc, "field '" + d.name + "' declared as a function");
            } else {
                fields.push_back(field);
                locs.push_back(d.loc);
            }
            if (!consume(",")) break;
        }
        if (m_panic || !expect(";")) break;
    }
    leave();
    if (m_panic) return type;
    const SourceLoc close = tok().loc;
    expect("}");
    for (const FieldProblem& problem : m_types.complete_record(type, fields))
        m_diag.error(problem.field ? locs[*problem.field] : close, problem.message);
    return type;
}

// enum-specifier = "enum" ident? ("{" enumerator ("," enumerator)* ","? "}")?
// enumerator = ident ("=" const-expr)?
const Type* Parser::enum_specifier() {
    advance();
    std::string tag;
    const SourceLoc tag_loc = tok().loc;
    if (tok().kind == TokenKind::Identifier && !is_keyword(tok().text)) {
        tag = tok().text;
        advance();
    }
    if (tag.empty() && !at("{")) {
        syntax_error("expected '{' or a tag name after 'enum'");
        return m_types.basic(TypeKind::Int);
    }
    const Type* type = nullptr;
    if (!tag.empty()) {
        if (const TagSymbol* found = find_tag(tag, at("{"))) {
            type = found->type;
            if (type->kind() != TypeKind::Enum) {
                m_diag.error(tag_loc, "'" + tag + "' defined as wrong kind of tag");
                type = nullptr;
            } else if (at("{") && type->is_complete()) {
                m_diag.error(tag_loc, "redeclaration of 'enum " + tag + "'");
                type = nullptr;
            }
        }
        if (!type) {
            type = m_types.new_enum(tag);
            m_scopes.back().tags[tag] = {type, tag_loc};
        }
    } else {
        type = m_types.new_enum("");
    }
    if (!consume("{")) return type;
    std::vector<Enumerator> enumerators;
    std::int64_t next = 0;
    while (!at("}") && !at_eof()) {
        if (tok().kind != TokenKind::Identifier || is_keyword(tok().text)) {
            syntax_error("expected identifier before " + spelling());
            return type;
        }
        const std::string name = tok().text;
        const SourceLoc loc = tok().loc;
        advance();
        if (consume("=")) next = const_expr("enumerator value").value_or(next);
        if (Symbol* same = find_symbol_in_current(name)) {
            Diagnostic& e = m_diag.error(loc, "redeclaration of enumerator '" + name + "'");
            note_declared(e, same->loc, same->file, name);
        }
        m_scopes.back().names[name] = {Symbol::Kind::EnumConstant, nullptr, nullptr, type, next, loc, tok().file};
        enumerators.push_back({name, next});
        ++next;
        if (!consume(",")) break;
    }
    expect("}");
    (void)m_types.complete_enum(type, std::move(enumerators));
    return type;
}

void Parser::typedef_declaration(const DeclSpec&, const Declarator& d) {
    if (d.name.empty()) return;
    if (Symbol* same = find_symbol_in_current(d.name)) {
        if (same->kind != Symbol::Kind::Typedef) {
            Diagnostic& e = m_diag.error(d.loc, "'" + d.name + "' redeclared as different kind of symbol");
            note_declared(e, same->loc, same->file, d.name);
        } else if (same->type != d.type) {
            Diagnostic& e = m_diag.error(d.loc, "conflicting types for '" + d.name + "'; have '" +
                                                    to_string(d.type) + "'");
            note_declared(e, same->loc, same->file, d.name);
        }
        return;
    }
    m_scopes.back().names[d.name] = {Symbol::Kind::Typedef, nullptr, nullptr, d.type, 0, d.loc, d.file};
}

// static-assert = "_Static_assert" "(" const-expr "," string ")" ";"
void Parser::static_assert_declaration() {
    const SourceLoc loc = tok().loc;
    advance();
    expect("(");
    const auto value = const_expr("static assertion");
    std::string message;
    if (consume(",")) {
        if (tok().kind == TokenKind::String) {
            message = tok().text;
            advance();
        } else {
            syntax_error("expected string literal before " + spelling());
        }
    }
    expect(")");
    expect(";");
    if (value && *value == 0) m_diag.error(loc, "static assertion failed: " + message);
}

// declaration = declspec (init-declarator ("," init-declarator)*)? ";"
// init-declarator = declarator ("=" initializer)?
void Parser::declaration(bool file_scope, std::vector<Node*>* stmts) {
    if (at("_Static_assert")) {
        static_assert_declaration();
        return;
    }
    const DeclSpec spec = declspec(true);
    if (m_panic) return;
    if (consume(";")) {
        if (!spec.defined_tag && !spec.declared_tag && !(spec.type && spec.type->kind() == TypeKind::Enum))
            m_diag.warning(spec.loc, "useless type name in empty declaration");
        return;
    }
    bool first = true;
    while (!at_eof()) {
        Declarator d = declarator(spec.type, false);
        if (m_panic) return;
        if (spec.storage == StorageClass::Typedef) {
            typedef_declaration(spec, d);
        } else if (is_function(d.type)) {
            Function* func = declare_function(d, spec);
            if (at("{")) {
                if (!file_scope) {
                    syntax_error("not supported yet: nested function definitions");
                    return;
                }
                if (!first) {
                    syntax_error("expected ';' before '{'");
                    return;
                }
                function_definition(func, d);
                return;
            }
        } else {
            Object* var = declare_object(d, spec, file_scope);
            if (at("=")) {
                const SourceLoc loc = tok().loc;
                advance();
                if (spec.storage == StorageClass::Extern && !file_scope) {
                    m_diag.error(d.loc, "'" + d.name + "' has both 'extern' and initializer");
                } else if (var->has_init) {
                    Diagnostic& e = m_diag.error(d.loc, "redefinition of '" + d.name + "'");
                    note_declared(e, var->loc, var->file, d.name, "defined");
                }
                var->is_extern = false;
                initialize(var, loc);
                if (m_panic) return;
            }
            if (!file_scope && !var->is_extern && var->storage != Storage::Global && !var->type->is_complete()) {
                if (is_array(var->type) && !var->type->length())
                    m_diag.error(d.loc, "array size missing in '" + d.name + "'");
                else
                    m_diag.error(d.loc, "storage size of '" + d.name + "' isn't known");
            }
            if (stmts && var->storage != Storage::Global) {
                Node* node = new_node(NodeKind::Decl, d.loc);
                node->var = var;
                stmts->push_back(node);
            }
        }
        first = false;
        if (!consume(",")) break;
    }
    expect(";");
}

}  // namespace memviz::lang
