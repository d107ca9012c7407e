// The C type system of the simulated target: what a type is, how big it is, where each struct
// member sits, which conversions C applies and how a type is written back as a declaration.
//
// One idea to read it by: a TypeTable owns every type of one program, built for one data model,
// and hands out `const Type*`. Types are deduplicated, so two `const Type*` are equal exactly when
// the types are the same type (same qualifiers included): `int *`, built twice, is one object.
// A struct, union or enum is the one exception to "built twice": each declaration is its own type.
//
// Qualifiers live on the type they qualify, so both pointer readings stay right:
//
//   const int *p       Pointer ──pointee──> Int{const}         p may move, *p may not change
//   int *const p       Pointer{const} ──pointee──> Int         p may not move, *p may change
//
// and an array's qualifiers live on its elements (C99 6.7.3p8: `const A x` with `typedef int A[3]`
// is an array of 3 `const int`).
//
// Sizes and alignments (docs/c-subset.md has the table, checked against gcc):
//   LP64  = x86-64 System V, what gcc -m64 gives: long and pointers 8 bytes, everything aligned to
//           its size.
//   ILP32 = i386 System V, what gcc -m32 gives: long and pointers 4 bytes; long long and double
//           are 8 bytes but aligned to 4, as struct members and for _Alignof (gcc >= 8). gcc still
//           places a standalone long long or double variable at a multiple of 8: that is
//           preferred_align(), for whoever lays out globals and stack frames.
// long double is represented as a double (8 bytes): memviz does not simulate the x87 format.
// enum types have int as their underlying type. Bit-fields are not supported yet (complete_record
// reports them).
#pragma once

#include <cstdint>
#include <memory>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mem/data_model.h"
#include "support/result.h"

namespace memviz::lang {

enum class TypeKind : std::uint8_t {
    Void,
    Bool,  // _Bool
    Char, SChar, UChar,  // char (signed on both targets) is a third type, distinct from both
    Short, UShort,
    Int, UInt,
    Long, ULong,
    LongLong, ULongLong,
    Float, Double, LongDouble,
    Enum,      // underlying type int
    Pointer,
    Array,     // T[n], or T[] while its length is unknown
    Function,
    Struct,
    Union,
};

// const, volatile and restrict (restrict is meaningful on pointers only; the parser diagnoses it
// anywhere else).
struct Quals {
    bool is_const = false;
    bool is_volatile = false;
    bool is_restrict = false;

    bool none() const { return !is_const && !is_volatile && !is_restrict; }
    // Whether every qualifier of `other` is also in this set.
    bool includes(Quals other) const {
        return (is_const || !other.is_const) && (is_volatile || !other.is_volatile) &&
               (is_restrict || !other.is_restrict);
    }
    Quals operator|(Quals other) const {
        return {is_const || other.is_const, is_volatile || other.is_volatile, is_restrict || other.is_restrict};
    }
    bool operator==(const Quals&) const = default;
};

inline constexpr Quals kConst{.is_const = true};
inline constexpr Quals kVolatile{.is_volatile = true};
inline constexpr Quals kRestrict{.is_restrict = true};

class Type;

// A member of a complete struct or union, as laid out.
struct Member {
    std::string name;              // empty: an anonymous struct or union, whose members are
                                   // reached by name through the enclosing one (find_member)
    const Type* type = nullptr;
    std::uint64_t offset = 0;      // bytes from the start of the enclosing struct or union
};

// A member as the parser declares it, before layout.
struct Field {
    std::string name;              // empty for an anonymous struct or union member
    const Type* type = nullptr;
    std::optional<std::uint64_t> bit_width;  // `int x : 3` -- not supported yet: reported
    std::uint64_t alignas_bytes = 0;          // _Alignas(n) on the member; 0: none
};

// A problem complete_record found. `field` indexes the fields given; nullopt: the whole record.
struct FieldProblem {
    std::optional<std::size_t> field;
    std::string message;
};

struct Enumerator {
    std::string name;
    std::int64_t value = 0;
};

// What a struct, union or enum declaration says; shared by all its qualified variants, and
// completed in place when the declaration's body is seen (defined in types.cpp).
struct TagDecl;

class Type {
public:
    TypeKind kind() const { return m_kind; }
    Quals quals() const { return m_quals; }
    // The same type without top-level qualifiers (itself when it has none).
    const Type* unqualified() const { return m_unqualified; }

    // Pointer: the type pointed to.
    const Type* pointee() const { return m_target; }
    // Array: the element type and the length (nullopt for `T[]`).
    const Type* element() const { return m_target; }
    std::optional<std::uint64_t> length() const { return m_length; }
    // Function. Parameters are already adjusted (arrays and functions to pointers, top-level
    // qualifiers dropped); a `(void)` list is empty with has_prototype() true.
    const Type* return_type() const { return m_target; }
    std::span<const Type* const> params() const { return m_params; }
    bool is_variadic() const { return m_variadic; }
    bool has_prototype() const { return m_prototyped; }

    // Struct, Union, Enum: the tag, empty when anonymous.
    std::string_view tag() const;
    // Struct, Union: the members in declaration order; empty while incomplete.
    std::span<const Member> members() const;
    // Struct: whether the last member is a flexible array member (`char data[];`).
    bool has_flexible_array() const;
    // Enum: the constants, empty while incomplete.
    std::span<const Enumerator> enumerators() const;

    // A complete object type: its size is known. False for void, functions, `T[]` and structs,
    // unions and enums declared but not yet defined.
    bool is_complete() const;
    // Precondition: is_complete(). size() is sizeof, align() is _Alignof and the alignment struct
    // layout uses; preferred_align() is where gcc places a standalone object of the type
    // (ILP32: 8 for long long, double and arrays of them; otherwise align()).
    std::uint64_t size() const;
    std::uint64_t align() const;
    std::uint64_t preferred_align() const;

    // Creation order in its table; identifies the type in the table's deduplication maps.
    std::uint32_t id() const { return m_id; }

private:
    friend class TypeTable;
    Type() = default;
    Type(const Type&) = default;

    TypeKind m_kind = TypeKind::Void;
    Quals m_quals;
    std::uint32_t m_id = 0;
    const Type* m_unqualified = this;
    const Type* m_target = nullptr;   // pointee, element or return type
    std::uint64_t m_size = 0;         // basic types, pointers, arrays (records: in m_tag)
    std::uint64_t m_align = 1;
    std::uint64_t m_preferred_align = 1;
    bool m_complete = false;
    std::optional<std::uint64_t> m_length;
    std::vector<const Type*> m_params;
    bool m_variadic = false;
    bool m_prototyped = false;
    TagDecl* m_tag = nullptr;         // Struct, Union, Enum
};

// Where a member name leads, through any anonymous members in between.
struct MemberRef {
    const Type* type = nullptr;    // with the qualifiers of the struct it was reached through
    std::uint64_t offset = 0;      // from the start of the outermost struct
};

// A run of padding bytes inside a struct or union.
struct Padding {
    std::uint64_t offset = 0;
    std::uint64_t bytes = 0;
};

// Whether a value of one type may be assigned (initialized, passed, returned) to another.
enum class Verdict : std::uint8_t { Ok, Warning, Error };
enum class AssignKind : std::uint8_t { Assignment, Initialization, Argument, Return };

struct AssignContext {
    AssignKind kind = AssignKind::Assignment;
    unsigned argument = 0;         // Argument: 1-based position
    std::string_view function;     // Argument: the callee's name, if known
};

struct AssignCheck {
    Verdict verdict = Verdict::Ok;
    std::string message;           // as gcc words it, e.g. "assignment to 'int *' from
                                   // incompatible pointer type 'char *'"; empty when Ok
    std::string note;              // Argument: "expected 'int *' but argument is of type 'char *'"
};

class TypeTable {
public:
    explicit TypeTable(DataModel model = DataModel::LP64);
    TypeTable(const TypeTable&) = delete;
    TypeTable& operator=(const TypeTable&) = delete;
    ~TypeTable();

    DataModel data_model() const { return m_model; }
    // How many types the table holds (for the Session's host-memory figure).
    std::size_t size() const { return m_types.size(); }

    // Void through LongDouble: one interned unqualified type each.
    const Type* basic(TypeKind kind) const;

    // `quals` added to `type`'s own. On an array they go to the element type; on a function
    // they are ignored (C leaves that undefined, gcc ignores them).
    const Type* qualified(const Type* type, Quals quals);
    const Type* pointer_to(const Type* pointee);
    // The element type must be a complete object type; `length` nullopt makes `T[]`. Fails with a
    // message for void, function or incomplete elements and for arrays larger than the target's
    // largest object (PTRDIFF_MAX).
    Result<const Type*> array_of(const Type* element, std::optional<std::uint64_t> length);
    // Parameters are adjusted as C99 6.7.5.3 says: `T[]`/`T[n]` becomes `T *`, a function
    // becomes a pointer to it, top-level qualifiers are dropped (also from the return type).
    // `prototyped` false is the old-style `int f()`, whose params must be empty. Fails for a
    // function returning an array or a function, and for a void parameter.
    Result<const Type*> function(const Type* return_type, std::vector<const Type*> params,
                                 bool variadic, bool prototyped);

    // A new, incomplete struct or union (`kind` Struct or Union) or enum; each call is a distinct
    // type, so the parser calls it once per declaration and keeps the tag scopes.
    const Type* new_record(TypeKind kind, std::string tag);
    const Type* new_enum(std::string tag);
    // Lays out the members and completes the record, through every pointer already made to it
    // (that is how `struct node { struct node *next; }` works). Problems (bit-fields, members of
    // incomplete type, duplicate names, a misplaced flexible array member, bad _Alignas) are
    // returned; the record is complete afterwards anyway, without the offending fields, so one
    // mistake does not cascade. Completing a complete record is a "redefinition" problem.
    std::vector<FieldProblem> complete_record(const Type* record, std::span<const Field> fields);
    // False (and no change) if the enum is already complete.
    [[nodiscard]] bool complete_enum(const Type* enumeration, std::vector<Enumerator> enumerators);

    // `record.name`, looking through anonymous members. nullopt if there is no such member or
    // the record is incomplete.
    std::optional<MemberRef> find_member(const Type* record, std::string_view name);
    // The padding bytes of a complete struct or union, between members and at the end (nested
    // structs have their own: call again on the member's type).
    std::vector<Padding> padding(const Type* record) const;

    // An array becomes a pointer to its first element, a function a pointer to it; anything
    // else is returned unchanged (C99 6.3.2.1).
    const Type* decay(const Type* type);
    // Integer promotions: _Bool, char, short and enum types to int; everything else unchanged
    // but unqualified.
    const Type* promote(const Type* type) const;
    // Default argument promotions (calls without a prototype, `...`): promote, then float to double.
    const Type* argument_promote(const Type* type) const;
    // Usual arithmetic conversions (C99 6.3.1.8). Precondition: both arithmetic.
    const Type* usual_arithmetic(const Type* a, const Type* b) const;
    // The composite type of two compatible types (C99 6.2.7p3): `int[]` and `int[3]` give
    // `int[3]`, `int f()` and `int f(int)` give `int f(int)`. Precondition: compatible(a, b).
    const Type* composite(const Type* a, const Type* b);

    // The simple-assignment constraints (C99 6.5.16.1), also used for initialization, arguments
    // and return. `from` is decayed first; top-level qualifiers of both are ignored (whether the
    // target may be modified is the checker's question). `from_is_null_constant`: the value is
    // a null pointer constant (`0`, `(void *)0`).
    AssignCheck check_assignment(const Type* to, const Type* from, bool from_is_null_constant,
                                 AssignContext context = {});

private:
    Type* make(TypeKind kind);
    const Type* make_array(const Type* element, std::optional<std::uint64_t> length);
    std::uint64_t max_object_size() const;

    DataModel m_model;
    std::vector<std::unique_ptr<Type>> m_types;
    std::vector<std::unique_ptr<TagDecl>> m_tags;
    std::vector<const Type*> m_basic;  // indexed by TypeKind, Void..LongDouble
    std::map<std::uint32_t, const Type*> m_pointers;  // by pointee id
    std::map<std::pair<std::uint32_t, unsigned>, const Type*> m_qualified;  // by (id, quals bits)
    std::map<std::pair<std::uint32_t, std::optional<std::uint64_t>>, const Type*> m_arrays;
    std::map<std::vector<std::uint32_t>, const Type*> m_functions;  // by return, flags, params
};

// Classification (C99 6.2.5). Integer types include _Bool, the char types and enums.
bool is_void(const Type* type);
bool is_integer(const Type* type);
bool is_floating(const Type* type);
bool is_arithmetic(const Type* type);
bool is_pointer(const Type* type);
bool is_array(const Type* type);
bool is_function(const Type* type);
bool is_record(const Type* type);  // struct or union
bool is_scalar(const Type* type);  // arithmetic or pointer
// Integer types only: whether negative values exist (char is signed on both targets).
bool is_signed(const Type* type);
// Integer conversion rank (C99 6.3.1.1): _Bool 1, char 2, short 3, int and enum 4, long 5,
// long long 6; 0 for anything else.
int rank(const Type* type);

// Compatible types (C99 6.2.7): same qualifiers and same basic type; an enum and int; pointers
// to compatible types; arrays of compatible elements whose known lengths agree; functions with
// compatible returns and parameters (an unprototyped one against a prototype whose parameters
// survive the default promotions); a struct or union only with itself.
bool compatible(const Type* a, const Type* b);

// sizeof and _Alignof, for the operators: an error message (as gcc words it) for void, function
// and incomplete types.
Result<std::uint64_t> size_of(const Type* type);
Result<std::uint64_t> align_of(const Type* type);

// The type as a C type name, as a student reads it: `int`, `const char *`, `int *const`,
// `int [10]`, `int (*)[3]`, `int (*)(int, char *)`, `struct node *`, `unsigned long`.
std::string to_string(const Type* type);
// The C spelling in quotes, as messages name a type: 'int *'.
std::string quoted(const Type* type);
// A declaration of `name` with the type: `int (*fp)(int)`, `char buf[16]`, `struct node *next`.
std::string declaration(const Type* type, std::string_view name);
// "const", "const volatile", ...; empty for none.
std::string to_string(Quals quals);

}  // namespace memviz::lang
