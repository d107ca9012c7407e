// The C type system: sizes, alignments and struct layouts for LP64 and ILP32, checked against
// gcc 12 (Debian 12.2.0): each number below is what gcc printed for the C declaration in the
// comment beside it, with sizeof, _Alignof and offsetof; -m64 for LP64, and -m32 for ILP32
// (this machine has no 32-bit libc, so the -m32 numbers were read from the compiled constants
// with `gcc -m32 -S` instead of running a program). Then conversions, compatibility, the
// assignment checks (messages as gcc 12 words them) and printing.
#include <doctest/doctest.h>

#include <vector>

#include "lang/types.h"

using namespace memviz;
using namespace memviz::lang;

namespace {

constexpr DataModel kModels[] = {DataModel::LP64, DataModel::ILP32};

// The LP64 or the ILP32 expectation.
std::uint64_t pick(DataModel model, std::uint64_t lp64, std::uint64_t ilp32) {
    return model == DataModel::LP64 ? lp64 : ilp32;
}

// A field of a struct being declared (no bit-field, no _Alignas).
Field field(std::string name, const Type* type) { return {std::move(name), type, std::nullopt, 0}; }

const Type* define(TypeTable& types, TypeKind kind, std::string tag, const std::vector<Field>& fields) {
    const Type* record = types.new_record(kind, std::move(tag));
    const std::vector<FieldProblem> problems = types.complete_record(record, fields);
    for (const FieldProblem& problem : problems) FAIL_CHECK(problem.message);
    return record;
}

const Type* array(TypeTable& types, const Type* element, std::optional<std::uint64_t> length) {
    auto result = types.array_of(element, length);
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error()));
    return result.value();
}

const Type* function(TypeTable& types, const Type* result, std::vector<const Type*> params,
                     bool variadic = false, bool prototyped = true) {
    auto type = types.function(result, std::move(params), variadic, prototyped);
    REQUIRE_MESSAGE(type.ok(), (type.ok() ? "" : type.error()));
    return type.value();
}

std::uint64_t offset_of(TypeTable& types, const Type* record, std::string_view member) {
    auto found = types.find_member(record, member);
    REQUIRE_MESSAGE(found.has_value(), "no member " << member);
    return found->offset;
}

// The basic types by their C names, for short test code.
struct Basics {
    explicit Basics(const TypeTable& types)
        : void_(types.basic(TypeKind::Void)), bool_(types.basic(TypeKind::Bool)),
          char_(types.basic(TypeKind::Char)), schar(types.basic(TypeKind::SChar)),
          uchar(types.basic(TypeKind::UChar)), short_(types.basic(TypeKind::Short)),
          ushort(types.basic(TypeKind::UShort)), int_(types.basic(TypeKind::Int)),
          uint(types.basic(TypeKind::UInt)), long_(types.basic(TypeKind::Long)),
          ulong(types.basic(TypeKind::ULong)), llong(types.basic(TypeKind::LongLong)),
          ullong(types.basic(TypeKind::ULongLong)), float_(types.basic(TypeKind::Float)),
          double_(types.basic(TypeKind::Double)), ldouble(types.basic(TypeKind::LongDouble)) {}
    const Type *void_, *bool_, *char_, *schar, *uchar, *short_, *ushort, *int_, *uint, *long_, *ulong,
        *llong, *ullong, *float_, *double_, *ldouble;
};

}  // namespace

// --- Sizes and alignments of basic types ------------------------------------------------------

TEST_CASE("types: basic sizes and alignments match gcc in both data models") {
    struct Row {
        TypeKind kind;
        std::uint64_t size_lp64, align_lp64, size_ilp32, align_ilp32;
    };
    // sizeof(T), _Alignof(T) from gcc -m64 and gcc -m32.
    const Row rows[] = {
        {TypeKind::Bool, 1, 1, 1, 1},      {TypeKind::Char, 1, 1, 1, 1},
        {TypeKind::SChar, 1, 1, 1, 1},     {TypeKind::UChar, 1, 1, 1, 1},
        {TypeKind::Short, 2, 2, 2, 2},     {TypeKind::UShort, 2, 2, 2, 2},
        {TypeKind::Int, 4, 4, 4, 4},       {TypeKind::UInt, 4, 4, 4, 4},
        {TypeKind::Long, 8, 8, 4, 4},      {TypeKind::ULong, 8, 8, 4, 4},
        {TypeKind::LongLong, 8, 8, 8, 4},  {TypeKind::ULongLong, 8, 8, 8, 4},  // i386: 4-aligned
        {TypeKind::Float, 4, 4, 4, 4},     {TypeKind::Double, 8, 8, 8, 4},
    };
    for (DataModel model : kModels) {
        CAPTURE(info(model).name);
        TypeTable types(model);
        for (const Row& row : rows) {
            const Type* type = types.basic(row.kind);
            CAPTURE(to_string(type));
            CHECK(size_of(type).value() == pick(model, row.size_lp64, row.size_ilp32));
            CHECK(align_of(type).value() == pick(model, row.align_lp64, row.align_ilp32));
        }
        // sizeof(void *), _Alignof(void *): 8 / 4.
        const Type* pointer = types.pointer_to(types.basic(TypeKind::Void));
        CHECK(pointer->size() == pick(model, 8, 4));
        CHECK(pointer->align() == pick(model, 8, 4));
        // enum color { RED, GREEN }: sizeof 4 in both.
        const Type* color = types.new_enum("color");
        CHECK_FALSE(color->is_complete());
        REQUIRE(types.complete_enum(color, {{"RED", 0}, {"GREEN", 1}}));
        CHECK(color->size() == 4);
        CHECK(color->align() == 4);
        CHECK(color->enumerators().size() == 2);
    }
}

TEST_CASE("types: ILP32 places standalone 8-byte scalars at multiples of 8 (preferred alignment)") {
    TypeTable types(DataModel::ILP32);
    const Basics c(types);
    // gcc -m32: __alignof__(long long) == __alignof__(double) == 8, and globals `long long g;`,
    // `double g;`, `long long g[3];` get .align 8, but `struct { long long x; } g;` gets .align 4.
    CHECK(c.llong->preferred_align() == 8);
    CHECK(c.double_->preferred_align() == 8);
    CHECK(array(types, c.llong, 3)->preferred_align() == 8);
    CHECK(c.int_->preferred_align() == 4);
    const Type* only_ll = define(types, TypeKind::Struct, "onlyll", {field("x", c.llong)});
    CHECK(only_ll->align() == 4);
    CHECK(only_ll->preferred_align() == 4);
    // LP64: always the alignment itself.
    TypeTable lp64(DataModel::LP64);
    CHECK(lp64.basic(TypeKind::LongLong)->preferred_align() == 8);
}

TEST_CASE("types: long double is represented as a double, not as gcc's x87 format") {
    // gcc says 16/16 (x86-64) and 12/4 (i386); memviz stores a double.
    for (DataModel model : kModels) {
        TypeTable types(model);
        const Type* ldouble = types.basic(TypeKind::LongDouble);
        CHECK(ldouble->size() == 8);
        CHECK(ldouble->align() == pick(model, 8, 4));
        CHECK(to_string(ldouble) == "long double");
    }
}

TEST_CASE("types: arrays have length times element size and the element's alignment") {
    for (DataModel model : kModels) {
        TypeTable types(model);
        const Basics c(types);
        CHECK(array(types, c.int_, 10)->size() == 40);                     // int[10]
        CHECK(array(types, array(types, c.int_, 3), 2)->size() == 24);     // int[2][3]
        const Type* doubles = array(types, c.double_, 3);                   // double[3]
        CHECK(doubles->size() == 24);
        CHECK(doubles->align() == pick(model, 8, 4));
        CHECK(array(types, c.llong, 2)->size() == 16);                      // long long[2]
        const Type* unknown = array(types, c.int_, std::nullopt);           // int[]
        CHECK_FALSE(unknown->is_complete());
        CHECK_FALSE(unknown->length().has_value());
    }
}

// --- Struct and union layout ------------------------------------------------------------------

TEST_CASE("layout: padding between members and at the tail (types)") {
    for (DataModel model : kModels) {
        CAPTURE(info(model).name);
        TypeTable types(model);
        const Basics c(types);

        // struct pad { char c; int i; };   8 / align 4 / i at 4, both models
        const Type* pad = define(types, TypeKind::Struct, "pad", {field("c", c.char_), field("i", c.int_)});
        CHECK(pad->size() == 8);
        CHECK(pad->align() == 4);
        CHECK(offset_of(types, pad, "i") == 4);

        // struct tail { int i; char c; };  8, both models (3 bytes of tail padding)
        const Type* tail = define(types, TypeKind::Struct, "tail", {field("i", c.int_), field("c", c.char_)});
        CHECK(tail->size() == 8);

        // struct mixed { char c; double d; short s; };  LP64 24/8, d 8, s 16; ILP32 16/4, d 4, s 12
        const Type* mixed = define(types, TypeKind::Struct, "mixed",
                                   {field("c", c.char_), field("d", c.double_), field("s", c.short_)});
        CHECK(mixed->size() == pick(model, 24, 16));
        CHECK(mixed->align() == pick(model, 8, 4));
        CHECK(offset_of(types, mixed, "d") == pick(model, 8, 4));
        CHECK(offset_of(types, mixed, "s") == pick(model, 16, 12));

        // struct ll { char c; long long x; };  LP64 16/8, x 8; ILP32 12/4, x 4
        const Type* ll = define(types, TypeKind::Struct, "ll", {field("c", c.char_), field("x", c.llong)});
        CHECK(ll->size() == pick(model, 16, 12));
        CHECK(ll->align() == pick(model, 8, 4));
        CHECK(offset_of(types, ll, "x") == pick(model, 8, 4));

        // struct longs { char c; long l; };  LP64 16, l 8; ILP32 8, l 4
        const Type* longs = define(types, TypeKind::Struct, "longs", {field("c", c.char_), field("l", c.long_)});
        CHECK(longs->size() == pick(model, 16, 8));
        CHECK(offset_of(types, longs, "l") == pick(model, 8, 4));

        // struct ptrs { char c; void *p; char d; };  LP64 24, p 8, d 16; ILP32 12, p 4, d 8
        const Type* ptrs = define(types, TypeKind::Struct, "ptrs",
                                  {field("c", c.char_), field("p", types.pointer_to(c.void_)), field("d", c.char_)});
        CHECK(ptrs->size() == pick(model, 24, 12));
        CHECK(offset_of(types, ptrs, "p") == pick(model, 8, 4));
        CHECK(offset_of(types, ptrs, "d") == pick(model, 16, 8));

        // struct empty_tail { double d; char c; };  LP64 16/8; ILP32 12/4
        const Type* empty_tail = define(types, TypeKind::Struct, "empty_tail", {field("d", c.double_), field("c", c.char_)});
        CHECK(empty_tail->size() == pick(model, 16, 12));
        CHECK(empty_tail->align() == pick(model, 8, 4));

        // struct bools { _Bool b; char c; _Bool e; };  3, both models
        const Type* bools = define(types, TypeKind::Struct, "bools",
                                   {field("b", c.bool_), field("c", c.char_), field("e", c.bool_)});
        CHECK(bools->size() == 3);

        // enum color { RED, GREEN }; struct withenum { char c; enum color e; };  8, e at 4
        const Type* color = types.new_enum("color");
        REQUIRE(types.complete_enum(color, {{"RED", 0}, {"GREEN", 1}}));
        const Type* withenum = define(types, TypeKind::Struct, "withenum", {field("c", c.char_), field("e", color)});
        CHECK(withenum->size() == 8);
        CHECK(offset_of(types, withenum, "e") == 4);
    }
}

TEST_CASE("layout: nested structs and arrays in structs (types)") {
    for (DataModel model : kModels) {
        CAPTURE(info(model).name);
        TypeTable types(model);
        const Basics c(types);

        // struct inner { char c; short s; };  4 / align 2
        const Type* inner = define(types, TypeKind::Struct, "inner", {field("c", c.char_), field("s", c.short_)});
        CHECK(inner->size() == 4);
        CHECK(inner->align() == 2);

        // struct outer { char a; struct inner in; long l; char z; };
        //   LP64 24/8: in 2, in.s 4, l 8, z 16.  ILP32 16/4: in 2, in.s 4, l 8, z 12
        const Type* outer = define(types, TypeKind::Struct, "outer",
                                   {field("a", c.char_), field("in", inner), field("l", c.long_), field("z", c.char_)});
        CHECK(outer->size() == pick(model, 24, 16));
        CHECK(outer->align() == pick(model, 8, 4));
        const std::uint64_t in = offset_of(types, outer, "in");
        CHECK(in == 2);
        CHECK(in + offset_of(types, inner, "s") == 4);
        CHECK(offset_of(types, outer, "l") == 8);
        CHECK(offset_of(types, outer, "z") == pick(model, 16, 12));

        // struct witharr { char name[5]; int vals[3]; char tag; };  24/4, vals 8, tag 20
        const Type* witharr = define(types, TypeKind::Struct, "witharr",
                                     {field("name", array(types, c.char_, 5)), field("vals", array(types, c.int_, 3)),
                                      field("tag", c.char_)});
        CHECK(witharr->size() == 24);
        CHECK(witharr->align() == 4);
        CHECK(offset_of(types, witharr, "vals") == 8);
        CHECK(offset_of(types, witharr, "tag") == 20);

        // struct nested_arr { struct inner items[3]; char c; };  14, c at 12
        const Type* nested_arr = define(types, TypeKind::Struct, "nested_arr",
                                        {field("items", array(types, inner, 3)), field("c", c.char_)});
        CHECK(nested_arr->size() == 14);
        CHECK(offset_of(types, nested_arr, "c") == 12);

        // struct arr2 { char c; char grid[2][3]; double d; };  LP64 16, grid 1, d 8; ILP32 16, d 8
        const Type* arr2 = define(types, TypeKind::Struct, "arr2",
                                  {field("c", c.char_), field("grid", array(types, array(types, c.char_, 3), 2)),
                                   field("d", c.double_)});
        CHECK(arr2->size() == 16);
        CHECK(offset_of(types, arr2, "grid") == 1);
        CHECK(offset_of(types, arr2, "d") == 8);
    }
}

TEST_CASE("layout: unions are as big as their largest member, rounded to the largest alignment (types)") {
    for (DataModel model : kModels) {
        CAPTURE(info(model).name);
        TypeTable types(model);
        const Basics c(types);

        // union u { char c; int i; double d; };  LP64 8/8; ILP32 8/4
        const Type* u = define(types, TypeKind::Union, "u", {field("c", c.char_), field("i", c.int_), field("d", c.double_)});
        CHECK(u->size() == 8);
        CHECK(u->align() == pick(model, 8, 4));
        for (const Member& member : u->members()) CHECK(member.offset == 0);

        // union u2 { char buf[5]; short s; };  6/2, both models
        const Type* u2 = define(types, TypeKind::Union, "u2", {field("buf", array(types, c.char_, 5)), field("s", c.short_)});
        CHECK(u2->size() == 6);
        CHECK(u2->align() == 2);

        // union mix { struct { char a; int b; } s; long long ll; };  8, LP64 align 8, ILP32 align 4
        const Type* ab = define(types, TypeKind::Struct, "", {field("a", c.char_), field("b", c.int_)});
        const Type* mix = define(types, TypeKind::Union, "mix", {field("s", ab), field("ll", c.llong)});
        CHECK(mix->size() == 8);
        CHECK(mix->align() == pick(model, 8, 4));
    }
}

TEST_CASE("layout: anonymous struct and union members are reached through the outer struct (types)") {
    for (DataModel model : kModels) {
        CAPTURE(info(model).name);
        TypeTable types(model);
        const Basics c(types);
        // struct anon { int a; union { char c; double d; }; int b; struct { char x; long y; }; };
        //   LP64 40/8: c 8, d 8, b 16, x 24, y 32.   ILP32 24/4: c 4, d 4, b 12, x 16, y 20
        const Type* cd = define(types, TypeKind::Union, "", {field("c", c.char_), field("d", c.double_)});
        const Type* xy = define(types, TypeKind::Struct, "", {field("x", c.char_), field("y", c.long_)});
        const Type* anon = define(types, TypeKind::Struct, "anon",
                                  {field("a", c.int_), field("", cd), field("b", c.int_), field("", xy)});
        CHECK(anon->size() == pick(model, 40, 24));
        CHECK(anon->align() == pick(model, 8, 4));
        CHECK(offset_of(types, anon, "c") == pick(model, 8, 4));
        CHECK(offset_of(types, anon, "d") == pick(model, 8, 4));
        CHECK(offset_of(types, anon, "b") == pick(model, 16, 12));
        CHECK(offset_of(types, anon, "x") == pick(model, 24, 16));
        CHECK(offset_of(types, anon, "y") == pick(model, 32, 20));
        CHECK(types.find_member(anon, "y")->type == c.long_);
        CHECK_FALSE(types.find_member(anon, "nope").has_value());
        CHECK(anon->members().size() == 4);
        CHECK(anon->members()[1].name.empty());
    }
}

TEST_CASE("layout: a self-referential struct is completed through earlier pointers to it (types)") {
    for (DataModel model : kModels) {
        CAPTURE(info(model).name);
        TypeTable types(model);
        const Basics c(types);
        // struct node { int v; struct node *next; };  LP64 16/8, next 8; ILP32 8/4, next 4
        const Type* node = types.new_record(TypeKind::Struct, "node");
        const Type* next = types.pointer_to(node);
        const Type* const_node = types.qualified(node, kConst);
        CHECK_FALSE(node->is_complete());
        CHECK(next->is_complete());  // a pointer to an incomplete type is complete
        CHECK(types.complete_record(node, std::vector{field("v", c.int_), field("next", next)}).empty());
        CHECK(node->is_complete());
        CHECK(next->pointee()->size() == pick(model, 16, 8));
        CHECK(node->align() == pick(model, 8, 4));
        CHECK(offset_of(types, node, "next") == pick(model, 8, 4));
        // The const variant made before completion sees the members too.
        CHECK(const_node->is_complete());
        CHECK(const_node->size() == node->size());
        CHECK(const_node->members().size() == 2);
        // Members reached through a const struct are const.
        CHECK(to_string(types.find_member(const_node, "v")->type) == "const int");
        CHECK(to_string(types.find_member(const_node, "next")->type) == "struct node *const");
    }
}

TEST_CASE("layout: flexible array members, _Alignas and empty structs (types)") {
    for (DataModel model : kModels) {
        CAPTURE(info(model).name);
        TypeTable types(model);
        const Basics c(types);
        // struct flex { int n; char data[]; };  4, data at 4
        const Type* flex = define(types, TypeKind::Struct, "flex",
                                  {field("n", c.int_), field("data", array(types, c.char_, std::nullopt))});
        CHECK(flex->size() == 4);
        CHECK(offset_of(types, flex, "data") == 4);
        CHECK(flex->has_flexible_array());
        // struct flexd { char c; double data[]; };  LP64 8/8, data 8; ILP32 4/4, data 4
        const Type* flexd = define(types, TypeKind::Struct, "flexd",
                                   {field("c", c.char_), field("data", array(types, c.double_, std::nullopt))});
        CHECK(flexd->size() == pick(model, 8, 4));
        CHECK(flexd->align() == pick(model, 8, 4));
        CHECK(offset_of(types, flexd, "data") == pick(model, 8, 4));

        // struct al { char c; _Alignas(16) int x; };  32/16, x at 16, both models
        const Type* al = types.new_record(TypeKind::Struct, "al");
        const std::vector<Field> al_fields{field("c", c.char_), {"x", c.int_, std::nullopt, 16}};
        CHECK(types.complete_record(al, al_fields).empty());
        CHECK(al->size() == 32);
        CHECK(al->align() == 16);
        CHECK(offset_of(types, al, "x") == 16);

        // struct e {};  0 (a gcc extension; C99 wants a member)
        const Type* empty = define(types, TypeKind::Struct, "e", {});
        CHECK(empty->size() == 0);
        CHECK(empty->is_complete());
    }
}

TEST_CASE("layout: padding() lists the holes a visualizer shades (types)") {
    for (DataModel model : kModels) {
        CAPTURE(info(model).name);
        TypeTable types(model);
        const Basics c(types);
        // struct mixed { char c; double d; short s; }: LP64 holes 1..7 and 18..23; ILP32 1..3, 14..15
        const Type* mixed = define(types, TypeKind::Struct, "mixed",
                                   {field("c", c.char_), field("d", c.double_), field("s", c.short_)});
        const std::vector<Padding> holes = types.padding(mixed);
        REQUIRE(holes.size() == 2);
        CHECK(holes[0].offset == 1);
        CHECK(holes[0].bytes == pick(model, 7, 3));
        CHECK(holes[1].offset == pick(model, 18, 14));
        CHECK(holes[1].bytes == pick(model, 6, 2));
        // union u2 { char buf[5]; short s; }: one byte of tail padding at 5
        const Type* u2 = define(types, TypeKind::Union, "u2", {field("buf", array(types, c.char_, 5)), field("s", c.short_)});
        const std::vector<Padding> tail = types.padding(u2);
        REQUIRE(tail.size() == 1);
        CHECK(tail[0].offset == 5);
        CHECK(tail[0].bytes == 1);
        // struct bools: no padding at all
        const Type* bools = define(types, TypeKind::Struct, "bools",
                                   {field("b", c.bool_), field("c", c.char_), field("e", c.bool_)});
        CHECK(types.padding(bools).empty());
    }
}

TEST_CASE("layout: problems in a struct body are reported and the struct still completes (types)") {
    TypeTable types;
    const Basics c(types);
    const Type* incomplete = types.new_record(TypeKind::Struct, "later");
    const Type* ab = define(types, TypeKind::Struct, "", {field("a", c.int_), field("b", c.int_)});
    const Type* fn = function(types, c.int_, {});

    const Type* bad = types.new_record(TypeKind::Struct, "bad");
    std::vector<Field> fields{
        field("ok", c.int_),                                     // 0
        {"flags", c.uint, 3, 0},                                 // 1 bit-field
        field("inner", incomplete),                              // 2 incomplete
        field("ok", c.char_),                                    // 3 duplicate
        field("", ab),                                           // 4 fine: brings a and b
        field("a", c.char_),                                     // 5 duplicate via the anonymous member
        field("f", fn),                                          // 6 function
        field("tail", array(types, c.char_, std::nullopt)),      // 7 flexible, not last
        {"x", c.int_, std::nullopt, 3},                          // 8 _Alignas(3)
        {"y", c.int_, std::nullopt, 2},                          // 9 _Alignas(2) < 4
        field("", c.int_),                                       // 10 declares nothing
        field("last", c.short_),                                 // 11
    };
    const std::vector<FieldProblem> problems = types.complete_record(bad, fields);
    REQUIRE(problems.size() == 9);
    CHECK(problems[0].field == 1u);
    CHECK(problems[0].message == "bit-field 'flags': bit-fields are not supported yet");
    CHECK(problems[1].message == "field 'inner' has incomplete type 'struct later'");
    CHECK(problems[2].message == "duplicate member 'ok'");
    CHECK(problems[3].field == 5u);
    CHECK(problems[3].message == "duplicate member 'a'");
    CHECK(problems[4].message == "field 'f' declared as a function");
    CHECK(problems[5].message == "flexible array member not at end of struct");
    CHECK(problems[6].message == "requested alignment 3 is not a power of 2");
    CHECK(problems[7].message == "_Alignas cannot reduce the alignment of field 'y' below 4");
    CHECK(problems[8].field == 10u);
    // The good fields are laid out: int ok; struct { int a, b; }; short last;
    CHECK(bad->is_complete());
    CHECK(bad->members().size() == 3);
    CHECK(bad->size() == 16);
    CHECK(offset_of(types, bad, "b") == 8);
    CHECK(offset_of(types, bad, "last") == 12);

    // A second body for the same declaration.
    const std::vector<FieldProblem> again = types.complete_record(bad, std::vector{field("z", c.int_)});
    REQUIRE(again.size() == 1);
    CHECK_FALSE(again[0].field.has_value());
    CHECK(again[0].message == "redefinition of 'struct bad'");

    // Flexible array members in a union or alone.
    const Type* flexible = array(types, c.int_, std::nullopt);
    const Type* u = types.new_record(TypeKind::Union, "fu");
    auto in_union = types.complete_record(u, std::vector{field("n", c.int_), field("d", flexible)});
    REQUIRE(in_union.size() == 1);
    CHECK(in_union[0].message == "flexible array member in union");
    const Type* alone = types.new_record(TypeKind::Struct, "alone");
    auto only = types.complete_record(alone, std::vector{field("d", flexible)});
    REQUIRE(only.size() == 1);
    CHECK(only[0].message == "flexible array member in a struct with no named members");
}

// --- sizeof errors and type construction errors -----------------------------------------------

TEST_CASE("types: sizeof and _Alignof of void, functions and incomplete types are errors") {
    TypeTable types;
    const Basics c(types);
    CHECK(size_of(c.void_).error() == "invalid application of 'sizeof' to a void type");
    CHECK(size_of(function(types, c.int_, {c.int_})).error() ==
          "invalid application of 'sizeof' to a function type");
    const Type* node = types.new_record(TypeKind::Struct, "node");
    CHECK(size_of(node).error() == "invalid application of 'sizeof' to incomplete type 'struct node'");
    CHECK(align_of(node).error() == "invalid application of '_Alignof' to incomplete type 'struct node'");
    CHECK(size_of(array(types, c.int_, std::nullopt)).error() ==
          "invalid application of 'sizeof' to incomplete type 'int []'");
    CHECK(size_of(types.new_enum("later")).error() ==
          "invalid application of 'sizeof' to incomplete type 'enum later'");
    CHECK(size_of(types.pointer_to(node)).value() == 8);
}

TEST_CASE("types: arrays and functions that C does not allow are refused with a message") {
    TypeTable types(DataModel::ILP32);
    const Basics c(types);
    CHECK(types.array_of(c.void_, 3).error() == "an array cannot have void elements");
    CHECK(types.array_of(types.new_record(TypeKind::Struct, "s"), 3).error() ==
          "array type has incomplete element type 'struct s'");
    CHECK_FALSE(types.array_of(function(types, c.int_, {}), 2).ok());
    CHECK_FALSE(types.array_of(array(types, c.int_, std::nullopt), 2).ok());  // int[2][]
    // ILP32 objects are at most PTRDIFF_MAX = 2^31 - 1 bytes.
    CHECK(types.array_of(c.int_, 0x1fff'ffff).ok());
    CHECK(types.array_of(c.int_, 0x2000'0000).error() == "size of array is too large: 536870912 elements of 4 bytes");
    CHECK(types.function(array(types, c.int_, 3), {}, false, true).error() ==
          "a function cannot return an array (it can return a pointer)");
    CHECK_FALSE(types.function(function(types, c.int_, {}), {}, false, true).ok());
    CHECK(types.function(c.int_, {c.int_, c.void_}, false, true).error() == "'void' must be the only parameter");
    CHECK_FALSE(types.function(c.int_, {c.int_}, false, false).ok());
}

TEST_CASE("types: equal types are the same object") {
    TypeTable types;
    const Basics c(types);
    CHECK(types.pointer_to(c.int_) == types.pointer_to(c.int_));
    CHECK(types.qualified(types.qualified(c.int_, kConst), kConst) == types.qualified(c.int_, kConst));
    CHECK(types.qualified(types.qualified(c.int_, kConst), kVolatile) ==
          types.qualified(types.qualified(c.int_, kVolatile), kConst));
    CHECK(types.qualified(c.int_, kConst)->unqualified() == c.int_);
    CHECK(array(types, c.int_, 3) == array(types, c.int_, 3));
    CHECK(array(types, c.int_, 3) != array(types, c.int_, std::nullopt));
    CHECK(function(types, c.int_, {c.char_}) == function(types, c.int_, {c.char_}));
    CHECK(function(types, c.int_, {}) != function(types, c.int_, {}, false, false));
    // Qualifying an array qualifies its elements (C99 6.7.3p8).
    CHECK(types.qualified(array(types, c.int_, 3), kConst) == array(types, types.qualified(c.int_, kConst), 3));
    // Parameters are adjusted: int[10] -> int *, a function -> a pointer to it, const dropped.
    const Type* adjusted = function(types, c.void_, {array(types, c.int_, 10), types.qualified(c.int_, kConst),
                                                     function(types, c.int_, {c.int_})});
    CHECK(adjusted->params()[0] == types.pointer_to(c.int_));
    CHECK(adjusted->params()[1] == c.int_);
    CHECK(to_string(adjusted) == "void (int *, int, int (*)(int))");
    // Each struct declaration is its own type, even with the same tag.
    CHECK(types.new_record(TypeKind::Struct, "s") != types.new_record(TypeKind::Struct, "s"));
}

// --- Conversions --------------------------------------------------------------------------------

TEST_CASE("types: integer promotions and default argument promotions") {
    TypeTable types;
    const Basics c(types);
    CHECK(types.promote(c.char_) == c.int_);
    CHECK(types.promote(c.schar) == c.int_);
    CHECK(types.promote(c.uchar) == c.int_);
    CHECK(types.promote(c.bool_) == c.int_);
    CHECK(types.promote(c.short_) == c.int_);
    CHECK(types.promote(c.ushort) == c.int_);  // int holds every unsigned short
    CHECK(types.promote(c.uint) == c.uint);     // stays
    CHECK(types.promote(c.long_) == c.long_);
    CHECK(types.promote(types.qualified(c.short_, kConst)) == c.int_);
    CHECK(types.promote(types.qualified(c.uint, kConst)) == c.uint);
    const Type* color = types.new_enum("color");
    REQUIRE(types.complete_enum(color, {{"RED", 0}}));
    CHECK(types.promote(color) == c.int_);
    CHECK(types.promote(c.float_) == c.float_);
    CHECK(types.argument_promote(c.float_) == c.double_);
    CHECK(types.argument_promote(c.char_) == c.int_);
}

TEST_CASE("types: usual arithmetic conversions, including the data-model-dependent ones") {
    TypeTable lp64(DataModel::LP64);
    TypeTable ilp32(DataModel::ILP32);
    for (TypeTable* types : {&lp64, &ilp32}) {
        const Basics c(*types);
        CHECK(types->usual_arithmetic(c.int_, c.uint) == c.uint);      // -1 < 1u is false
        CHECK(types->usual_arithmetic(c.char_, c.char_) == c.int_);
        CHECK(types->usual_arithmetic(c.short_, c.ushort) == c.int_);
        CHECK(types->usual_arithmetic(c.int_, c.long_) == c.long_);
        CHECK(types->usual_arithmetic(c.long_, c.ullong) == c.ullong);
        CHECK(types->usual_arithmetic(c.uint, c.ullong) == c.ullong);
        CHECK(types->usual_arithmetic(c.int_, c.double_) == c.double_);
        CHECK(types->usual_arithmetic(c.long_, c.float_) == c.float_);
        CHECK(types->usual_arithmetic(c.float_, c.double_) == c.double_);
        CHECK(types->usual_arithmetic(c.ldouble, c.float_) == c.ldouble);
        CHECK(types->usual_arithmetic(types->qualified(c.uint, kConst), c.int_) == c.uint);
    }
    const Basics l(lp64);
    const Basics i(ilp32);
    // unsigned int + long: LP64 long holds every unsigned int; ILP32 it does not.
    CHECK(lp64.usual_arithmetic(l.uint, l.long_) == l.long_);
    CHECK(ilp32.usual_arithmetic(i.uint, i.long_) == i.ulong);
    // unsigned long + long long: LP64 both 8 bytes -> unsigned long long; ILP32 -> long long.
    CHECK(lp64.usual_arithmetic(l.ulong, l.llong) == l.ullong);
    CHECK(ilp32.usual_arithmetic(i.ulong, i.llong) == i.llong);
    // unsigned int + long long: long long in both.
    CHECK(lp64.usual_arithmetic(l.uint, l.llong) == l.llong);
    CHECK(ilp32.usual_arithmetic(i.uint, i.llong) == i.llong);
}

TEST_CASE("types: classification, rank and signedness") {
    TypeTable types;
    const Basics c(types);
    const Type* int_pointer = types.pointer_to(c.int_);
    const Type* s = define(types, TypeKind::Struct, "s", {field("x", c.int_)});
    CHECK(is_integer(c.bool_));
    CHECK(is_integer(c.char_));
    CHECK_FALSE(is_integer(c.float_));
    CHECK(is_arithmetic(c.double_));
    CHECK(is_scalar(int_pointer));
    CHECK_FALSE(is_scalar(s));
    CHECK_FALSE(is_arithmetic(int_pointer));
    CHECK(is_pointer(int_pointer));
    CHECK(is_record(s));
    CHECK(is_signed(c.char_));  // char is signed on x86-64 and i386
    CHECK_FALSE(is_signed(c.uchar));
    CHECK_FALSE(is_signed(c.bool_));
    CHECK(rank(c.bool_) < rank(c.char_));
    CHECK(rank(c.char_) < rank(c.short_));
    CHECK(rank(c.int_) == rank(c.uint));
    CHECK(rank(c.long_) < rank(c.llong));
    CHECK(rank(c.double_) == 0);
}

// --- Compatibility --------------------------------------------------------------------------------

TEST_CASE("types: compatibility as C99 6.2.7 defines it") {
    TypeTable types(DataModel::ILP32);  // where int and long have the same size, and differ anyway
    const Basics c(types);
    const Type* const_int = types.qualified(c.int_, kConst);
    CHECK(compatible(c.int_, c.int_));
    CHECK_FALSE(compatible(c.int_, const_int));
    CHECK_FALSE(compatible(c.int_, c.long_));
    CHECK_FALSE(compatible(c.char_, c.schar));
    const Type* color = types.new_enum("color");
    const Type* shape = types.new_enum("shape");
    CHECK(compatible(color, c.int_));
    CHECK(compatible(c.int_, color));
    CHECK_FALSE(compatible(color, c.uint));
    CHECK_FALSE(compatible(color, shape));

    CHECK(compatible(types.pointer_to(c.int_), types.pointer_to(c.int_)));
    CHECK_FALSE(compatible(types.pointer_to(c.int_), types.pointer_to(const_int)));
    CHECK(compatible(types.pointer_to(color), types.pointer_to(c.int_)));

    CHECK(compatible(array(types, c.int_, 3), array(types, c.int_, std::nullopt)));
    CHECK_FALSE(compatible(array(types, c.int_, 3), array(types, c.int_, 4)));
    CHECK_FALSE(compatible(array(types, c.int_, 3), array(types, c.long_, 3)));

    const Type* old_style = function(types, c.int_, {}, false, false);  // int f()
    CHECK(compatible(function(types, c.int_, {c.int_}), function(types, c.int_, {c.int_})));
    CHECK(compatible(old_style, function(types, c.int_, {c.int_})));
    CHECK(compatible(old_style, function(types, c.int_, {c.double_})));
    CHECK_FALSE(compatible(old_style, function(types, c.int_, {c.char_})));   // char would be promoted
    CHECK_FALSE(compatible(old_style, function(types, c.int_, {c.float_})));  // float too
    CHECK_FALSE(compatible(old_style, function(types, c.int_, {c.int_}, true)));
    CHECK_FALSE(compatible(function(types, c.int_, {c.int_}), function(types, c.int_, {c.long_})));
    CHECK_FALSE(compatible(function(types, c.int_, {c.int_}), function(types, c.int_, {c.int_}, true)));
    CHECK_FALSE(compatible(function(types, c.int_, {}), function(types, c.void_, {})));
    CHECK(compatible(old_style, function(types, c.int_, {}, false, false)));

    // Two declarations of `struct s { int x; }` are two types; each is compatible with itself.
    const Type* first = define(types, TypeKind::Struct, "s", {field("x", c.int_)});
    const Type* second = define(types, TypeKind::Struct, "s", {field("x", c.int_)});
    CHECK(compatible(first, first));
    CHECK_FALSE(compatible(first, second));
}

TEST_CASE("types: composite types keep what each declaration knows") {
    TypeTable types;
    const Basics c(types);
    // int a[]; int a[3];  ->  int [3]
    CHECK(types.composite(array(types, c.int_, std::nullopt), array(types, c.int_, 3)) == array(types, c.int_, 3));
    // int f(); int f(int);  ->  int (int)
    const Type* old_style = function(types, c.int_, {}, false, false);
    CHECK(types.composite(old_style, function(types, c.int_, {c.int_})) == function(types, c.int_, {c.int_}));
    CHECK(types.composite(function(types, c.int_, {c.int_}), old_style) == function(types, c.int_, {c.int_}));
    // int (*p)[]; int (*p)[4];  ->  int (*)[4]
    CHECK(to_string(types.composite(types.pointer_to(array(types, c.int_, std::nullopt)),
                                    types.pointer_to(array(types, c.int_, 4)))) == "int (*)[4]");
}

// --- Assignment checks ----------------------------------------------------------------------------

TEST_CASE("types: assignment checks give gcc's verdicts and messages") {
    TypeTable types;
    const Basics c(types);
    const Type* int_p = types.pointer_to(c.int_);
    const Type* char_p = types.pointer_to(c.char_);
    const Type* const_char_p = types.pointer_to(types.qualified(c.char_, kConst));
    const Type* void_p = types.pointer_to(c.void_);
    const Type* func = function(types, c.void_, {});
    const Type* a = define(types, TypeKind::Struct, "a", {field("x", c.int_)});
    const Type* b = define(types, TypeKind::Struct, "b", {field("x", c.int_)});

    const auto check = [&](const Type* to, const Type* from, Verdict verdict, std::string message = {},
                           bool null_constant = false) {
        const AssignCheck result = types.check_assignment(to, from, null_constant);
        CAPTURE(to_string(to));
        CAPTURE(to_string(from));
        CHECK(result.verdict == verdict);
        CHECK(result.message == message);
    };
    check(c.int_, c.double_, Verdict::Ok);
    check(c.bool_, int_p, Verdict::Ok);                 // _Bool b = p;
    check(const_char_p, char_p, Verdict::Ok);           // adding const is fine
    check(void_p, int_p, Verdict::Ok);
    check(int_p, void_p, Verdict::Ok);
    check(int_p, array(types, c.int_, 3), Verdict::Ok); // the array decays
    check(types.pointer_to(func), func, Verdict::Ok);   // so does the function
    check(int_p, c.int_, Verdict::Ok, {}, true);        // p = 0;
    check(types.pointer_to(func), void_p, Verdict::Ok, {}, true);  // fp = (void *)0;
    check(a, a, Verdict::Ok);
    check(types.qualified(c.int_, kConst), c.int_, Verdict::Ok);  // modifiability is the checker's

    check(int_p, char_p, Verdict::Warning, "assignment to 'int *' from incompatible pointer type 'char *'");
    check(char_p, const_char_p, Verdict::Warning, "assignment discards 'const' qualifier from pointer target type");
    check(void_p, const_char_p, Verdict::Warning, "assignment discards 'const' qualifier from pointer target type");
    check(int_p, types.pointer_to(types.qualified(types.qualified(c.int_, kConst), kVolatile)), Verdict::Warning,
          "assignment discards 'const volatile' qualifier from pointer target type");
    check(types.pointer_to(const_char_p), types.pointer_to(char_p), Verdict::Warning,
          "assignment to 'const char **' from incompatible pointer type 'char **'");
    check(int_p, c.int_, Verdict::Warning, "assignment to 'int *' from 'int' makes pointer from integer without a cast");
    check(c.int_, int_p, Verdict::Warning, "assignment to 'int' from 'int *' makes integer from pointer without a cast");
    check(void_p, func, Verdict::Warning, "ISO C forbids assignment between function pointer and 'void *'");

    check(c.double_, int_p, Verdict::Error, "incompatible types when assigning to type 'double' from type 'int *'");
    check(int_p, c.double_, Verdict::Error, "incompatible types when assigning to type 'int *' from type 'double'");
    check(a, b, Verdict::Error, "incompatible types when assigning to type 'struct a' from type 'struct b'");
    check(c.int_, a, Verdict::Error, "incompatible types when assigning to type 'int' from type 'struct a'");
    check(c.float_, void_p, Verdict::Error, "incompatible types when assigning to type 'float' from type 'void *'");
    check(c.int_, c.void_, Verdict::Error, "void value not ignored as it ought to be");
    check(array(types, c.int_, 3), int_p, Verdict::Error, "assignment to expression with array type");
}

TEST_CASE("types: assignment checks word initialization, arguments and return like gcc") {
    TypeTable types;
    const Basics c(types);
    const Type* int_p = types.pointer_to(c.int_);
    const Type* char_p = types.pointer_to(c.char_);
    const Type* const_char_p = types.pointer_to(types.qualified(c.char_, kConst));
    const Type* void_p = types.pointer_to(c.void_);
    const Type* a = define(types, TypeKind::Struct, "a", {field("x", c.int_)});
    const Type* b = define(types, TypeKind::Struct, "b", {field("x", c.int_)});
    const AssignContext init{AssignKind::Initialization};
    const AssignContext ret{AssignKind::Return};
    const AssignContext arg{AssignKind::Argument, 1, "f"};

    CHECK(types.check_assignment(int_p, char_p, false, init).message ==
          "initialization of 'int *' from incompatible pointer type 'char *'");
    // gcc says 'long int'; memviz prints `long`.
    CHECK(types.check_assignment(c.long_, int_p, false, init).message ==
          "initialization of 'long' from 'int *' makes integer from pointer without a cast");
    CHECK(types.check_assignment(c.double_, int_p, false, init).message ==
          "incompatible types when initializing type 'double' using type 'int *'");
    const Type* int_of_int = types.pointer_to(function(types, c.int_, {c.int_}));
    const Type* void_of_void = types.pointer_to(function(types, c.void_, {}));
    CHECK(types.check_assignment(int_of_int, void_of_void, false, init).message ==
          "initialization of 'int (*)(int)' from incompatible pointer type 'void (*)(void)'");
    CHECK(types.check_assignment(void_p, void_of_void, false, init).message ==
          "ISO C forbids initialization between function pointer and 'void *'");

    CHECK(types.check_assignment(int_p, char_p, false, ret).message ==
          "returning 'char *' from a function with incompatible return type 'int *'");
    CHECK(types.check_assignment(int_p, c.int_, false, ret).message ==
          "returning 'int' from a function with return type 'int *' makes pointer from integer without a cast");
    CHECK(types.check_assignment(c.int_, int_p, false, ret).message ==
          "returning 'int *' from a function with return type 'int' makes integer from pointer without a cast");
    CHECK(types.check_assignment(char_p, const_char_p, false, ret).message ==
          "return discards 'const' qualifier from pointer target type");
    CHECK(types.check_assignment(a, b, false, ret).message ==
          "incompatible types when returning type 'struct b' but 'struct a' was expected");

    AssignCheck passing = types.check_assignment(int_p, const_char_p, false, arg);
    CHECK(passing.verdict == Verdict::Warning);
    CHECK(passing.message == "passing argument 1 of 'f' from incompatible pointer type");
    CHECK(passing.note == "expected 'int *' but argument is of type 'const char *'");
    passing = types.check_assignment(int_p, c.int_, false, arg);
    CHECK(passing.message == "passing argument 1 of 'f' makes pointer from integer without a cast");
    CHECK(passing.note == "expected 'int *' but argument is of type 'int'");
    passing = types.check_assignment(int_p, types.pointer_to(types.qualified(c.int_, kVolatile)), false, arg);
    CHECK(passing.message == "passing argument 1 of 'f' discards 'volatile' qualifier from pointer target type");
    passing = types.check_assignment(a, b, false, {AssignKind::Argument, 2, "k"});
    CHECK(passing.verdict == Verdict::Error);
    CHECK(passing.message == "incompatible type for argument 2 of 'k'");
    CHECK(passing.note == "expected 'struct a' but argument is of type 'struct b'");
    passing = types.check_assignment(int_p, int_p, false, arg);
    CHECK(passing.verdict == Verdict::Ok);
    CHECK(passing.note.empty());
}

// --- Printing ---------------------------------------------------------------------------------------

TEST_CASE("types: to_string prints type names as a student reads them") {
    TypeTable types;
    const Basics c(types);
    const Type* node = types.new_record(TypeKind::Struct, "node");
    const Type* const_char = types.qualified(c.char_, kConst);
    CHECK(to_string(c.int_) == "int");
    CHECK(to_string(c.ulong) == "unsigned long");
    CHECK(to_string(c.ullong) == "unsigned long long");
    CHECK(to_string(c.schar) == "signed char");
    CHECK(to_string(c.bool_) == "_Bool");
    CHECK(to_string(types.pointer_to(c.char_)) == "char *");
    CHECK(to_string(types.pointer_to(const_char)) == "const char *");
    CHECK(to_string(types.qualified(types.pointer_to(c.int_), kConst)) == "int *const");
    CHECK(to_string(types.qualified(types.pointer_to(const_char), kConst)) == "const char *const");
    CHECK(to_string(types.pointer_to(types.pointer_to(c.int_))) == "int **");
    CHECK(to_string(types.pointer_to(types.qualified(types.pointer_to(c.int_), kConst))) == "int *const *");
    CHECK(to_string(types.qualified(types.pointer_to(c.char_), kRestrict)) == "char *restrict");
    CHECK(to_string(types.qualified(types.qualified(c.int_, kVolatile), kConst)) == "const volatile int");
    CHECK(to_string(array(types, c.int_, 10)) == "int [10]");
    CHECK(to_string(array(types, c.int_, std::nullopt)) == "int []");
    CHECK(to_string(array(types, array(types, c.char_, 3), 2)) == "char [2][3]");
    CHECK(to_string(array(types, types.pointer_to(c.int_), 3)) == "int *[3]");
    CHECK(to_string(types.pointer_to(array(types, c.int_, 3))) == "int (*)[3]");
    CHECK(to_string(types.pointer_to(function(types, c.int_, {c.int_, types.pointer_to(c.char_)}))) ==
          "int (*)(int, char *)");
    CHECK(to_string(function(types, c.int_, {types.pointer_to(const_char)}, true)) == "int (const char *, ...)");
    CHECK(to_string(function(types, c.int_, {}, false, false)) == "int ()");
    CHECK(to_string(function(types, c.int_, {})) == "int (void)");
    // A pointer to a function taking int and returning a pointer to a function returning void.
    const Type* returns_void_fn = types.pointer_to(function(types, c.void_, {}));
    CHECK(to_string(types.pointer_to(function(types, returns_void_fn, {c.int_}))) == "void (*(*)(int))(void)");
    CHECK(to_string(types.pointer_to(node)) == "struct node *");
    CHECK(to_string(types.qualified(node, kConst)) == "const struct node");
    CHECK(to_string(types.new_record(TypeKind::Union, "u")) == "union u");
    CHECK(to_string(types.new_record(TypeKind::Struct, "")) == "struct <anonymous>");
    CHECK(to_string(types.new_enum("color")) == "enum color");
}

TEST_CASE("types: declaration prints a declaration of a name") {
    TypeTable types;
    const Basics c(types);
    const Type* node = types.new_record(TypeKind::Struct, "node");
    CHECK(declaration(c.int_, "x") == "int x");
    CHECK(declaration(types.pointer_to(function(types, c.int_, {c.int_})), "fp") == "int (*fp)(int)");
    CHECK(declaration(array(types, c.char_, 16), "buf") == "char buf[16]");
    CHECK(declaration(types.pointer_to(node), "next") == "struct node *next");
    CHECK(declaration(types.qualified(types.pointer_to(c.int_), kConst), "p") == "int *const p");
    CHECK(declaration(array(types, types.pointer_to(c.char_), 3), "argv") == "char *argv[3]");
    CHECK(declaration(types.pointer_to(array(types, c.int_, 3)), "grid") == "int (*grid)[3]");
    CHECK(declaration(function(types, c.int_, {c.int_, types.pointer_to(types.pointer_to(c.char_))}), "main") ==
          "int main(int, char **)");
}
