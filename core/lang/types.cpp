// Building types: the table that owns them, the target's sizes and alignments, and struct and
// union layout. Conversion rules are in type_rules.cpp, printing in type_format.cpp.
//
// Layout, for both data models (System V, as gcc does it):
//   struct: each member at the next multiple of its alignment after the previous one; the
//           struct's alignment is its largest member's; its size is rounded up to that alignment
//           (tail padding, so that in an array every element is aligned again).
//   union:  every member at offset 0; size = largest member rounded up to the largest alignment.
//   array:  size = length * element size, alignment = the element's.
#include "lang/types.h"

#include <algorithm>
#include <set>

namespace memviz::lang {

struct TagDecl {
    std::string name;
    bool complete = false;
    bool flexible_array = false;
    std::uint64_t size = 0;
    std::uint64_t align = 1;
    std::vector<Member> members;
    std::vector<Enumerator> enumerators;
};

namespace {

struct BasicLayout {
    std::uint64_t size = 0;
    std::uint64_t align = 1;
    std::uint64_t preferred_align = 1;
};

// The one place the target's scalar sizes live (docs/c-subset.md has them as a table).
BasicLayout scalar_layout(TypeKind kind, DataModel model) {
    const DataModelInfo& target = info(model);
    const bool lp64 = model == DataModel::LP64;
    switch (kind) {
        case TypeKind::Void: return {0, 1, 1};  // incomplete: no size
        case TypeKind::Bool:
        case TypeKind::Char:
        case TypeKind::SChar:
        case TypeKind::UChar: return {1, 1, 1};
        case TypeKind::Short:
        case TypeKind::UShort: return {2, 2, 2};
        case TypeKind::Int:
        case TypeKind::UInt:
        case TypeKind::Float:
        case TypeKind::Enum: return {4, 4, 4};
        case TypeKind::Long:
        case TypeKind::ULong: return {target.long_bytes, target.long_bytes, target.long_bytes};
        // i386 System V: 8-byte scalars are 4-aligned in structs and for _Alignof; gcc still
        // puts standalone objects of these types at multiples of 8.
        case TypeKind::LongLong:
        case TypeKind::ULongLong:
        case TypeKind::Double:
        case TypeKind::LongDouble: return lp64 ? BasicLayout{8, 8, 8} : BasicLayout{8, 4, 8};
        case TypeKind::Pointer: return {target.pointer_bytes, target.pointer_bytes, target.pointer_bytes};
        case TypeKind::Array:
        case TypeKind::Function:
        case TypeKind::Struct:
        case TypeKind::Union: break;
    }
    return {};
}

unsigned quals_bits(Quals quals) {
    return (quals.is_const ? 1u : 0u) | (quals.is_volatile ? 2u : 0u) | (quals.is_restrict ? 4u : 0u);
}

std::uint64_t align_up(std::uint64_t value, std::uint64_t alignment) {
    return (value + alignment - 1) / alignment * alignment;
}

bool is_power_of_two(std::uint64_t value) { return value != 0 && (value & (value - 1)) == 0; }

bool is_flexible_array(const Type* type) { return type->kind() == TypeKind::Array && !type->length(); }

// Every member name reachable from a record: its own and those of its anonymous members.
void reachable_names(const Type* record, std::vector<std::string_view>& names) {
    for (const Member& member : record->members()) {
        if (member.name.empty()) reachable_names(member.type, names);
        else names.push_back(member.name);
    }
}


}  // namespace

// --- Type ------------------------------------------------------------------------------------

std::string_view Type::tag() const { return m_tag ? std::string_view(m_tag->name) : std::string_view(); }

std::span<const Member> Type::members() const {
    return m_tag ? std::span<const Member>(m_tag->members) : std::span<const Member>();
}

bool Type::has_flexible_array() const { return m_tag && m_tag->flexible_array; }

std::span<const Enumerator> Type::enumerators() const {
    return m_tag ? std::span<const Enumerator>(m_tag->enumerators) : std::span<const Enumerator>();
}

bool Type::is_complete() const { return m_tag ? m_tag->complete : m_complete; }
std::uint64_t Type::size() const { return m_tag ? m_tag->size : m_size; }
std::uint64_t Type::align() const { return m_tag ? m_tag->align : m_align; }
std::uint64_t Type::preferred_align() const { return m_tag ? m_tag->align : m_preferred_align; }

// --- TypeTable: creating types ---------------------------------------------------------------

TypeTable::TypeTable(DataModel model) : m_model(model) {
    for (int kind = static_cast<int>(TypeKind::Void); kind <= static_cast<int>(TypeKind::LongDouble); ++kind) {
        Type* type = make(static_cast<TypeKind>(kind));
        const BasicLayout layout = scalar_layout(type->m_kind, model);
        type->m_size = layout.size;
        type->m_align = layout.align;
        type->m_preferred_align = layout.preferred_align;
        type->m_complete = type->m_kind != TypeKind::Void;
        m_basic.push_back(type);
    }
}

TypeTable::~TypeTable() = default;

Type* TypeTable::make(TypeKind kind) {
    auto type = std::unique_ptr<Type>(new Type());
    type->m_kind = kind;
    type->m_id = static_cast<std::uint32_t>(m_types.size());
    type->m_unqualified = type.get();
    m_types.push_back(std::move(type));
    return m_types.back().get();
}

const Type* TypeTable::basic(TypeKind kind) const {
    const auto index = static_cast<std::size_t>(kind);
    return index < m_basic.size() ? m_basic[index] : nullptr;
}

std::uint64_t TypeTable::max_object_size() const {
    // PTRDIFF_MAX: the difference of two pointers into one object must fit in ptrdiff_t.
    return (std::uint64_t{1} << (8 * info(m_model).pointer_bytes - 1)) - 1;
}

const Type* TypeTable::qualified(const Type* type, Quals quals) {
    if (quals.none() || type->m_kind == TypeKind::Function) return type;
    if (type->m_kind == TypeKind::Array) return make_array(qualified(type->element(), quals), type->length());
    const Quals combined = type->m_quals | quals;
    if (combined == type->m_quals) return type;
    const Type* base = type->m_unqualified;
    const auto key = std::pair{base->m_id, quals_bits(combined)};
    if (auto found = m_qualified.find(key); found != m_qualified.end()) return found->second;
    auto variant = std::unique_ptr<Type>(new Type(*base));
    variant->m_id = static_cast<std::uint32_t>(m_types.size());
    variant->m_quals = combined;
    variant->m_unqualified = base;
    m_types.push_back(std::move(variant));
    return m_qualified[key] = m_types.back().get();
}

const Type* TypeTable::pointer_to(const Type* pointee) {
    if (auto found = m_pointers.find(pointee->m_id); found != m_pointers.end()) return found->second;
    Type* pointer = make(TypeKind::Pointer);
    const BasicLayout layout = scalar_layout(TypeKind::Pointer, m_model);
    pointer->m_target = pointee;
    pointer->m_size = layout.size;
    pointer->m_align = layout.align;
    pointer->m_preferred_align = layout.preferred_align;
    pointer->m_complete = true;
    return m_pointers[pointee->m_id] = pointer;
}

Result<const Type*> TypeTable::array_of(const Type* element, std::optional<std::uint64_t> length) {
    if (is_void(element)) return Error{"an array cannot have void elements"};
    if (is_function(element)) {
        return Error{"an array cannot have function elements (an array of function pointers can)"};
    }
    if (!element->is_complete()) return Error{"array type has incomplete element type " + quoted(element)};
    if (length && element->size() != 0 && *length > max_object_size() / element->size()) {
        return Error{"size of array is too large: " + std::to_string(*length) + " elements of " +
                     std::to_string(element->size()) + " bytes"};
    }
    return make_array(element, length);
}

// Precondition: `element` is a complete object type and the size fits.
const Type* TypeTable::make_array(const Type* element, std::optional<std::uint64_t> length) {
    const auto key = std::pair{element->m_id, length};
    if (auto found = m_arrays.find(key); found != m_arrays.end()) return found->second;
    Type* array = make(TypeKind::Array);
    array->m_target = element;
    array->m_length = length;
    array->m_size = length ? *length * element->size() : 0;
    array->m_align = element->align();
    array->m_preferred_align = element->preferred_align();
    array->m_complete = length.has_value();
    return m_arrays[key] = array;
}

Result<const Type*> TypeTable::function(const Type* return_type, std::vector<const Type*> params,
                                        bool variadic, bool prototyped) {
    if (is_array(return_type)) return Error{"a function cannot return an array (it can return a pointer)"};
    if (is_function(return_type)) {
        return Error{"a function cannot return a function (it can return a function pointer)"};
    }
    if (!prototyped && (!params.empty() || variadic)) {
        return Error{"a function declared without a prototype has no parameter types"};
    }
    for (const Type*& param : params) {
        if (is_void(param)) return Error{"'void' must be the only parameter"};
        if (is_array(param)) param = pointer_to(param->element());
        else if (is_function(param)) param = pointer_to(param);
        param = param->unqualified();
    }
    return_type = return_type->unqualified();

    std::vector<std::uint32_t> key{return_type->m_id, variadic ? 1u : 0u, prototyped ? 1u : 0u};
    for (const Type* param : params) key.push_back(param->m_id);
    if (auto found = m_functions.find(key); found != m_functions.end()) return found->second;
    Type* type = make(TypeKind::Function);
    type->m_target = return_type;
    type->m_params = std::move(params);
    type->m_variadic = variadic;
    type->m_prototyped = prototyped;
    const Type* result = type;
    m_functions[key] = result;
    return result;
}

// --- Struct, union and enum declarations -----------------------------------------------------

const Type* TypeTable::new_record(TypeKind kind, std::string tag) {
    m_tags.push_back(std::make_unique<TagDecl>());
    m_tags.back()->name = std::move(tag);
    Type* type = make(kind == TypeKind::Union ? TypeKind::Union : TypeKind::Struct);
    type->m_tag = m_tags.back().get();
    return type;
}

const Type* TypeTable::new_enum(std::string tag) {
    m_tags.push_back(std::make_unique<TagDecl>());
    m_tags.back()->name = std::move(tag);
    Type* type = make(TypeKind::Enum);
    type->m_tag = m_tags.back().get();
    return type;
}

bool TypeTable::complete_enum(const Type* enumeration, std::vector<Enumerator> enumerators) {
    TagDecl* decl = enumeration->m_tag;
    if (decl == nullptr || enumeration->m_kind != TypeKind::Enum || decl->complete) return false;
    const BasicLayout layout = scalar_layout(TypeKind::Enum, m_model);
    decl->enumerators = std::move(enumerators);
    decl->size = layout.size;
    decl->align = layout.align;
    decl->complete = true;
    return true;
}

std::vector<FieldProblem> TypeTable::complete_record(const Type* record, std::span<const Field> fields) {
    std::vector<FieldProblem> problems;
    TagDecl* decl = record->m_tag;
    if (decl == nullptr || !is_record(record)) return {{std::nullopt, "not a struct or union"}};
    const bool is_union = record->m_kind == TypeKind::Union;
    const std::string what = to_string(record->unqualified());
    if (decl->complete) return {{std::nullopt, "redefinition of '" + what + "'"}};

    std::set<std::string, std::less<>> names;
    std::uint64_t offset = 0;  // struct: where the next member may start; union: largest size
    std::uint64_t align = 1;
    bool named_member_seen = false;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const Field& field = fields[i];
        const std::string label = field.name.empty() ? std::string("anonymous member") : "field '" + field.name + "'";
        auto problem = [&](std::string message) { problems.push_back({i, std::move(message)}); };

        if (field.bit_width) {
            const std::string which = field.name.empty() ? "unnamed bit-field" : "bit-field '" + field.name + "'";
            problem(which + ": bit-fields are not supported yet");
            continue;
        }
        if (is_function(field.type)) {
            problem(label + " declared as a function");
            continue;
        }
        const bool flexible = is_flexible_array(field.type);
        if (flexible) {
            if (is_union) { problem("flexible array member in union"); continue; }
            if (i + 1 != fields.size()) { problem("flexible array member not at end of struct"); continue; }
            if (!named_member_seen) { problem("flexible array member in a struct with no named members"); continue; }
        } else if (!field.type->is_complete()) {
            problem(label + " has incomplete type " + quoted(field.type));
            continue;
        }
        if (field.name.empty() && (!is_record(field.type) || !field.type->tag().empty())) {
            problem("declaration does not declare anything (a member without a name must be an "
                    "untagged struct or union)");
            continue;
        }

        // Duplicate names, including those an anonymous member brings in.
        std::vector<std::string_view> brought;
        if (field.name.empty()) reachable_names(field.type, brought);
        else brought.push_back(field.name);
        auto duplicate = std::find_if(brought.begin(), brought.end(),
                                      [&](std::string_view name) { return names.contains(name); });
        if (duplicate != brought.end()) {
            problem("duplicate member '" + std::string(*duplicate) + "'");
            continue;
        }

        std::uint64_t member_align = flexible ? field.type->element()->align() : field.type->align();
        if (field.alignas_bytes != 0) {
            if (!is_power_of_two(field.alignas_bytes)) {
                problem("requested alignment " + std::to_string(field.alignas_bytes) + " is not a power of 2");
                continue;
            }
            if (field.alignas_bytes < member_align) {
                problem("_Alignas cannot reduce the alignment of " + label + " below " +
                        std::to_string(member_align));
                continue;
            }
            member_align = field.alignas_bytes;
        }
        const std::uint64_t size = flexible ? 0 : field.type->size();
        const std::uint64_t start = is_union ? 0 : align_up(offset, member_align);
        if (start > max_object_size() - size) {
            problem("type '" + what + "' is too large");
            break;
        }

        names.insert(brought.begin(), brought.end());
        named_member_seen = true;  // an anonymous member's members are named members too
        decl->members.push_back({field.name, field.type, start});
        decl->flexible_array = flexible;
        offset = is_union ? std::max(offset, size) : start + size;
        align = std::max(align, member_align);
    }
    decl->align = align;
    decl->size = align_up(offset, align);
    decl->complete = true;
    return problems;
}

std::optional<MemberRef> TypeTable::find_member(const Type* record, std::string_view name) {
    if (!is_record(record) || !record->is_complete()) return std::nullopt;
    for (const Member& member : record->members()) {
        if (member.name == name) return MemberRef{qualified(member.type, record->quals()), member.offset};
        if (member.name.empty()) {
            if (auto inner = find_member(member.type, name)) {
                return MemberRef{qualified(inner->type, record->quals()), member.offset + inner->offset};
            }
        }
    }
    return std::nullopt;
}

std::vector<Padding> TypeTable::padding(const Type* record) const {
    std::vector<Padding> holes;
    if (!is_record(record) || !record->is_complete()) return holes;
    std::uint64_t end = 0;  // first byte after the members seen so far
    for (const Member& member : record->members()) {
        if (member.offset > end) holes.push_back({end, member.offset - end});
        const std::uint64_t size = is_flexible_array(member.type) ? 0 : member.type->size();
        end = std::max(end, member.offset + size);
    }
    if (record->size() > end) holes.push_back({end, record->size() - end});
    return holes;
}

// --- sizeof and _Alignof ---------------------------------------------------------------------

namespace {

Result<std::uint64_t> check_measurable(const Type* type, std::string_view op) {
    const std::string prefix = "invalid application of '" + std::string(op) + "' to ";
    if (is_void(type)) return Error{prefix + "a void type"};
    if (is_function(type)) return Error{prefix + "a function type"};
    if (!type->is_complete()) return Error{prefix + "incomplete type " + quoted(type)};
    return std::uint64_t{0};
}

}  // namespace

Result<std::uint64_t> size_of(const Type* type) {
    auto measurable = check_measurable(type, "sizeof");
    if (!measurable) return measurable;
    return type->size();
}

Result<std::uint64_t> align_of(const Type* type) {
    auto measurable = check_measurable(type, "_Alignof");
    if (!measurable) return measurable;
    return type->align();
}

// Built by appending: gcc 12 at -O3 warns falsely (-Wrestrict) about "'" + std::string.
std::string quoted(const Type* type) {
    std::string text(1, '\'');
    text += to_string(type);
    text += '\'';
    return text;
}

}  // namespace memviz::lang
