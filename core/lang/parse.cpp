// The parser's driver: the token cursor, diagnostics and error recovery, scopes and name lookup,
// and the top level of a translation unit (external declarations, function definitions).
//
// translation-unit = external-declaration*
// external-declaration = function-definition | declaration
#include <algorithm>

#include "lang/headers.h"
#include "lang/parse.h"
#include "lang/parse_internal.h"
#include "lang/preprocess.h"

namespace memviz::lang {

Parser::Parser(std::vector<Token> tokens, DataModel model, Diagnostics& diagnostics)
    : m_tokens(std::move(tokens)), m_diag(diagnostics), m_types(*(m_program.types = std::make_unique<TypeTable>(model))) {
    if (m_tokens.empty() || m_tokens.back().kind != TokenKind::EndOfFile) m_tokens.emplace_back();
    m_end_loc = m_tokens.back().loc;
    m_scopes.emplace_back();
}

Program Parser::run() {
    translation_unit();
    pop_scope(m_end_loc);
    return std::move(m_program);
}

void Parser::translation_unit() {
    while (!at_eof() && !m_diag.full()) {
        const std::size_t start = m_pos;
        external_declaration();
        if (m_panic) recover();
        if (m_pos == start) advance();  // always make progress
    }
    // Tentative definitions of arrays without a length get one element, as gcc does.
    for (Object* var : m_program.globals) {
        if (var->storage != Storage::Global || var->is_extern) continue;
        if (is_array(var->type) && !var->type->length()) {
            if (auto one = m_types.array_of(var->type->element(), 1); one.ok()) var->type = one.value();
            m_diag.warning(var->loc, "array '" + var->name + "' assumed to have one element");
        } else if (!var->type->is_complete()) {
            m_diag.error(var->loc, "storage size of '" + var->name + "' isn't known");
        }
    }
}

// ---- Tokens ----

const Token& Parser::peek(std::size_t ahead) const {
    return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)];
}

void Parser::advance() {
    if (!at_eof()) ++m_pos;
    if (m_probe != nullptr && !m_probe->taken) take_probe();
}

// Names declared by a token come into scope once the parser has moved past it, so the scopes
// as the parser reaches the first token at or after the place are the scopes at the place.
void Parser::take_probe() {
    if (m_function == nullptr || m_function->name != m_probe->function || tok().file != kMainFile ||
        tok().loc < m_probe->at)
        return;
    m_probe->taken = true;
    m_probe->owner = m_function;
    m_probe->scopes.assign(m_scopes.begin() + 1, m_scopes.end());
}

bool Parser::consume(std::string_view spelling) {
    if (!at(spelling)) return false;
    advance();
    return true;
}

std::string Parser::spelling() const {
    if (at_eof()) return "end of input";
    return "'" + tok().text + "'";
}

bool Parser::expect(std::string_view wanted, std::string_view context) {
    if (consume(wanted)) return true;
    std::string message = "expected '" + std::string(wanted) + "'";
    if (!context.empty()) {
        message += ' ';
        message += context;
    }
    // A missing `;` is reported where it belongs: right after the previous token.
    if (wanted == ";" && m_pos > 0 && tok().loc.line != m_tokens[m_pos - 1].loc.line) {
        const Token& prev = m_tokens[m_pos - 1];
        if (!m_panic) {
            const auto width = static_cast<std::uint32_t>(prev.text.size());
            m_diag.error({prev.loc.line, prev.loc.column + width}, message + " before " + spelling());
        }
        m_panic = true;
        return false;
    }
    syntax_error(message + " before " + spelling());
    return false;
}

void Parser::syntax_error(std::string message) {
    if (tok().file != kMainFile) message += " (in <" + std::string(file_name(tok().file)) + ">)";
    if (!m_panic) m_diag.error(tok().loc, std::move(message));
    m_panic = true;
}

// Skips to the end of the broken statement or declaration: past the next `;`, or up to a `}`,
// at the nesting level where the error happened.
void Parser::recover() {
    int depth = 0;
    while (!at_eof()) {
        if (at("{") || at("(") || at("[")) {
            ++depth;
        } else if (at("}") || at(")") || at("]")) {
            if (depth == 0) {
                if (!at("}")) { advance(); continue; }
                break;
            }
            --depth;
            if (depth == 0 && at("}")) {
                advance();
                // `struct s { ... }` then garbage: keep going to the `;`; a function body: stop.
                if (!at(";")) break;
                continue;
            }
        } else if (at(";") && depth == 0) {
            advance();
            break;
        }
        advance();
    }
    m_panic = false;
}

bool Parser::enter(SourceLoc loc) {
    if (m_depth >= kMaxNesting) {
        if (!m_depth_reported)
            m_diag.error(loc, "nesting too deep: more than " + std::to_string(kMaxNesting) +
                                  " levels of parentheses, blocks or declarators");
        m_depth_reported = true;
        m_panic = true;
        return false;
    }
    ++m_depth;
    return true;
}

// ---- Scopes and names ----

void Parser::push_scope() { m_scopes.emplace_back(); }

void Parser::pop_scope(SourceLoc end) {
    Scope& scope = m_scopes.back();
    for (Object* var : scope.objects) {
        var->scope_end = end;
        const bool local = var->storage == Storage::Local || var->storage == Storage::StaticLocal;
        if (local && !var->used && !var->name.empty() && var->file == kMainFile && !m_diag.full())
            m_diag.warning(var->loc, "unused variable '" + var->name + "'");
    }
    m_scopes.pop_back();
}

const Symbol* Parser::find_symbol(std::string_view name) const {
    const std::string key(name);
    for (auto scope = m_scopes.rbegin(); scope != m_scopes.rend(); ++scope)
        if (auto it = scope->names.find(key); it != scope->names.end()) return &it->second;
    return nullptr;
}

Symbol* Parser::find_symbol_in_current(std::string_view name) {
    auto it = m_scopes.back().names.find(std::string(name));
    return it == m_scopes.back().names.end() ? nullptr : &it->second;
}

const TagSymbol* Parser::find_tag(std::string_view name, bool current_only) const {
    const std::string key(name);
    for (auto scope = m_scopes.rbegin(); scope != m_scopes.rend(); ++scope) {
        if (auto it = scope->tags.find(key); it != scope->tags.end()) return &it->second;
        if (current_only) break;
    }
    return nullptr;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The visible variable, function or constant whose name is nearest to `name`, if it is near
// enough to be a likely typo; empty otherwise. Names reserved to the implementation are skipped.
std::string Parser::closest_name(std::string_view name) const {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(1, (name.size() + 1) / 3) + 1;
    for (const Scope& scope : m_scopes) {
        for (const auto& [candidate, symbol] : scope.names) {
            if (symbol.kind == Symbol::Kind::Typedef || candidate.starts_with("__")) continue;
            const std::size_t distance = edit_distance(name, candidate);
            if (distance < best_distance || (distance == best_distance && !best.empty() && candidate < best)) {
                if (distance >= candidate.size()) continue;
                best_distance = distance;
                best = candidate;
            }
        }
    }
    return best;
}

// A note pointing at a declaration; one in a built-in header names the header instead, since
// the user cannot see its lines.
void Parser::note_declared(Diagnostic& d, SourceLoc loc, std::uint16_t file, std::string_view name,
                           std::string_view what) {
    if (file != kMainFile) {
        std::string message = quote(name);
        message += " is ";
        message += what == "callee" ? "declared" : what;
        message += " in <";
        message += file_name(file);
        message += '>';
        Diagnostics::note(d, {}, std::move(message));
        return;
    }
    if (what == "callee") {
        Diagnostics::note(d, loc, quote(name) + " declared here");
        return;
    }
    const std::string previous = what == "defined" ? "previous definition" : "previous declaration";
    Diagnostics::note(d, loc, previous + " of '" + std::string(name) + "' was here");
}

Node* Parser::new_node(NodeKind kind, SourceLoc loc) {
    Node& node = m_program.node_arena.emplace_back();
    node.kind = kind;
    node.loc = loc;
    return &node;
}

Object* Parser::new_object(std::string name, const Type* type, Storage storage, SourceLoc loc) {
    Object& var = m_program.object_arena.emplace_back();
    var.name = std::move(name);
    var.type = type;
    var.storage = storage;
    var.loc = loc;
    var.scope_begin = loc;
    var.function = storage == Storage::Global ? nullptr : m_function;
    if (storage == Storage::Global || storage == Storage::StaticLocal) m_program.globals.push_back(&var);
    if (m_function && (storage == Storage::Local || storage == Storage::StaticLocal))
        m_function->locals.push_back(&var);
    return &var;
}

// ---- Declarations at file and block scope ----

Function* Parser::declare_function(const Declarator& d, const DeclSpec& spec) {
    Symbol* existing = nullptr;
    if (auto it = m_scopes[0].names.find(d.name); it != m_scopes[0].names.end()) existing = &it->second;
    Function* func = nullptr;
    if (existing && existing->kind == Symbol::Kind::Function) {
        func = existing->func;
        if (!compatible(func->type, d.type)) {
            Diagnostic& e = m_diag.error(d.loc, "conflicting types for '" + d.name + "'; have '" +
                                                    to_string(d.type) + "'");
            note_declared(e, func->loc, func->file, d.name);
        } else {
            func->type = m_types.composite(func->type, d.type);
        }
    } else if (existing) {
        Diagnostic& e = m_diag.error(d.loc, "'" + d.name + "' redeclared as different kind of symbol");
        note_declared(e, existing->loc, existing->file, d.name);
    }
    if (!func) {
        func = &m_program.function_arena.emplace_back();
        func->name = d.name;
        func->type = d.type;
        func->loc = d.loc;
        func->file = d.file;
        func->is_static = spec.storage == StorageClass::Static;
        m_program.functions.push_back(func);
        if (!existing) m_scopes[0].names[d.name] = {Symbol::Kind::Function, nullptr, func, nullptr, 0, d.loc, d.file};
    }
    if (m_scopes.size() > 1) {
        Symbol& local = m_scopes.back().names[d.name];
        local = {Symbol::Kind::Function, nullptr, func, nullptr, 0, d.loc, d.file};
    }
    if (d.name == "main" && d.file == kMainFile && !is_void(func->type) &&
        func->type->return_type()->kind() != TypeKind::Int)
        m_diag.warning(d.loc, "return type of 'main' is not 'int'");
    return func;
}

Object* Parser::declare_object(const Declarator& d, const DeclSpec& spec, bool file_scope) {
    const Type* type = d.type;
    if (is_void(type)) {
        m_diag.error(d.loc, "variable '" + d.name + "' declared void");
        type = m_types.basic(TypeKind::Int);
    }
    const bool is_extern = spec.storage == StorageClass::Extern;
    if (file_scope || is_extern) {
        // Linkage: every file-scope declaration of the name is the same object.
        auto it = m_scopes[0].names.find(d.name);
        if (it != m_scopes[0].names.end() && it->second.kind == Symbol::Kind::Object) {
            Object* var = it->second.var;
            if (!compatible(var->type->unqualified(), type->unqualified()) || var->type->quals() != type->quals()) {
                Diagnostic& e = m_diag.error(d.loc, "conflicting types for '" + d.name + "'; have '" +
                                                        to_string(type) + "'");
                note_declared(e, var->loc, var->file, d.name);
            } else {
                var->type = m_types.composite(var->type, type);
                if (!is_extern) var->is_extern = false;
            }
            if (!file_scope) {
                m_scopes.back().names[d.name] = it->second;
            }
            return var;
        }
        if (it != m_scopes[0].names.end() && file_scope) {
            Diagnostic& e = m_diag.error(d.loc, "'" + d.name + "' redeclared as different kind of symbol");
            note_declared(e, it->second.loc, it->second.file, d.name);
        }
        if (!file_scope) {
            if (Symbol* same = find_symbol_in_current(d.name)) {
                Diagnostic& e = m_diag.error(d.loc, "redeclaration of '" + d.name + "'");
                note_declared(e, same->loc, same->file, d.name);
            }
        }
        Object* var = new_object(d.name, type, Storage::Global, d.loc);
        var->is_extern = is_extern;
        var->is_static = spec.storage == StorageClass::Static;
        var->file = d.file;
        var->used = true;
        m_scopes[0].objects.push_back(var);
        const Symbol symbol{Symbol::Kind::Object, var, nullptr, nullptr, 0, d.loc, d.file};
        if (it == m_scopes[0].names.end()) m_scopes[0].names[d.name] = symbol;
        if (!file_scope) m_scopes.back().names[d.name] = symbol;
        return var;
    }
    if (Symbol* same = find_symbol_in_current(d.name)) {
        Diagnostic& e = m_diag.error(d.loc, same->kind == Symbol::Kind::Object
                                                ? "redeclaration of '" + d.name + "' with no linkage"
                                                : "'" + d.name + "' redeclared as different kind of symbol");
        note_declared(e, same->loc, same->file, d.name);
    }
    const Storage storage = spec.storage == StorageClass::Static ? Storage::StaticLocal : Storage::Local;
    Object* var = new_object(d.name, type, storage, d.loc);
    var->file = d.file;
    m_scopes.back().objects.push_back(var);
    m_scopes.back().names[d.name] = {Symbol::Kind::Object, var, nullptr, nullptr, 0, d.loc, d.file};
    return var;
}

Function* Parser::implicit_declaration(const std::string& name, SourceLoc loc) {
    std::string message = "implicit declaration of function '" + name + "'";
    const std::string near = closest_name(name);
    if (!near.empty()) message += "; did you mean '" + near + "'?";
    m_diag.warning(loc, message);
    Function* func = &m_program.function_arena.emplace_back();
    func->name = name;
    func->type = m_types.function(m_types.basic(TypeKind::Int), {}, false, false).value();
    func->loc = loc;
    func->implicit = true;
    m_program.functions.push_back(func);
    m_scopes[0].names[name] = {Symbol::Kind::Function, nullptr, func, nullptr, 0, loc, kMainFile};
    return func;
}

void Parser::external_declaration() {
    if (consume(";")) return;
    declaration(true, nullptr);
}

// function-definition = declspec declarator compound-statement
// (the declspec and declarator are parsed by `declaration`, which calls this at a `{`)
void Parser::function_definition(Function* func, const Declarator& d) {
    if (func->body) {
        Diagnostic& e = m_diag.error(d.loc, "redefinition of '" + d.name + "'");
        note_declared(e, func->definition_loc, func->file, d.name, "defined");
    }
    func->definition_loc = d.loc;
    func->params.clear();
    func->locals.clear();
    m_function = func;
    m_labels.clear();
    m_gotos.clear();
    m_reported_undeclared.clear();
    push_scope();
    std::size_t index = 0;
    for (const ParamInfo& param : d.params) {
        ++index;
        if (param.name.empty()) {
            m_diag.error(param.loc, "parameter name omitted");
            continue;
        }
        if (!param.type->is_complete()) {
            m_diag.error(param.loc, "parameter " + std::to_string(index) + " ('" + param.name +
                                        "') has incomplete type");
        }
        if (find_symbol_in_current(param.name)) {
            m_diag.error(param.loc, "redefinition of parameter '" + param.name + "'");
            continue;
        }
        Object* var = new_object(param.name, param.type, Storage::Param, param.loc);
        var->file = d.file;
        var->used = true;  // unused parameters are normal in C (callbacks, main's argc)
        func->params.push_back(var);
        m_scopes.back().objects.push_back(var);
        m_scopes.back().names[param.name] = {Symbol::Kind::Object, var, nullptr, nullptr, 0, param.loc, d.file};
    }
    const SourceLoc open = tok().loc;
    Node* body = compound_statement(false);
    const SourceLoc close = m_pos > 0 ? m_tokens[m_pos - 1].loc : open;
    func->body = body;
    resolve_gotos();
    pop_scope(close);
    const Type* ret = func->type->return_type();
    if (!is_void(ret) && func->name != "main" && falls_through(body) && !m_diag.full())
        m_diag.warning(close, "control reaches end of non-void function");
    m_function = nullptr;
}

// ---- AST helpers (ast.h) ----

const Function* Program::find_function(std::string_view name) const {
    for (const Function* func : functions)
        if (func->name == name) return func;
    return nullptr;
}

const Object* Program::find_global(std::string_view name) const {
    for (const Object* var : globals)
        if (var->storage == Storage::Global && var->name == name) return var;
    return nullptr;
}

Program parse(std::vector<Token> tokens, DataModel model, Diagnostics& diagnostics) {
    Parser parser(std::move(tokens), model, diagnostics);
    return parser.run();
}

Program parse_source(std::string_view source, DataModel model, Diagnostics& diagnostics) {
    return parse(preprocess(source, model, diagnostics), model, diagnostics);
}

ScopedExpression parse_in_scope(std::vector<Token> program, std::vector<Token> expression, DataModel model,
                                std::string_view function, SourceLoc at, Diagnostics& diagnostics) {
    Parser parser(std::move(program), model, diagnostics);
    ScopeProbe probe{std::string(function), at, false, nullptr, {}};
    parser.m_probe = function.empty() ? nullptr : &probe;
    parser.translation_unit();
    parser.m_probe = nullptr;
    diagnostics = Diagnostics{};  // the program's own were reported when it was loaded

    // The whole file scope (a debugger shows every global), then the function's scopes at `at`.
    std::vector<Scope> scopes{std::move(parser.m_scopes.front())};
    for (Scope& scope : probe.scopes) scopes.push_back(std::move(scope));
    parser.m_scopes = std::move(scopes);
    parser.m_function = probe.owner;
    parser.m_tokens = std::move(expression);
    if (parser.m_tokens.empty() || parser.m_tokens.back().kind != TokenKind::EndOfFile) parser.m_tokens.emplace_back();
    parser.m_pos = 0;
    parser.m_panic = false;
    parser.m_depth = 0;
    parser.m_depth_reported = false;
    parser.m_depth_error_reported = false;
    parser.m_reported_undeclared.clear();

    ScopedExpression out;
    out.expression = parser.expr();
    if (!parser.at_eof()) out.left_over = parser.tok();
    out.program = std::move(parser.m_program);
    return out;
}

}  // namespace memviz::lang
