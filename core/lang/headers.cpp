// The built-in headers. Each is a template of C text in which ${NAME} stands for a word that
// depends on the data model (the table in words_for); the texts for both models are built once,
// on first use, and live until the program ends. The printf/scanf format macros of inttypes.h are
// generated, since they are a grid of conversions by widths.
#include "lang/headers.h"

#include <array>
#include <utility>

namespace memviz::lang {
namespace {

// The model-dependent words, by the name that stands for them in the header text.
using Words = std::array<std::pair<std::string_view, std::string_view>, 10>;

const Words& words_for(DataModel model) {
    static constexpr Words kLp64 = {{
        {"MODEL", "LP64"},
        {"SIZE_T", "unsigned long"},
        {"WORD", "long"},                          // ptrdiff_t, intptr_t
        {"WORD_MAX", "9223372036854775807L"},      // PTRDIFF_MAX, INTPTR_MAX
        {"UWORD_MAX", "18446744073709551615UL"},   // SIZE_MAX, UINTPTR_MAX
        {"INT64", "long"},
        {"L64", "L"},                              // suffix of 64-bit constants
        {"LONG_MAX", "9223372036854775807L"},
        {"ULONG_MAX", "18446744073709551615UL"},
        {"PRI64", "l"},                            // printf length modifier of int64_t
    }};
    static constexpr Words kIlp32 = {{
        {"MODEL", "ILP32"},
        {"SIZE_T", "unsigned int"},
        {"WORD", "int"},
        {"WORD_MAX", "2147483647"},
        {"UWORD_MAX", "4294967295U"},
        {"INT64", "long long"},
        {"L64", "LL"},
        {"LONG_MAX", "2147483647L"},
        {"ULONG_MAX", "4294967295UL"},
        {"PRI64", "ll"},
    }};
    return model == DataModel::LP64 ? kLp64 : kIlp32;
}

constexpr std::string_view kSizeT = R"(#ifndef __memviz_size_t_defined
#define __memviz_size_t_defined
typedef ${SIZE_T} size_t;
#endif
#define NULL ((void *)0)
)";

constexpr std::string_view kAssert = R"(/* <assert.h> (memviz): assert(e) stops the program with a message when e is 0.
   Define NDEBUG before including it to turn assertions off. */
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
void __memviz_assert_fail(const char *expr, const char *file, int line);
#define assert(e) ((e) ? (void)0 : __memviz_assert_fail(#e, __FILE__, __LINE__))
#endif
)";

constexpr std::string_view kCtype = R"(/* <ctype.h> (memviz): character classes. */
int isalpha(int c);
int isdigit(int c);
int isalnum(int c);
int isspace(int c);
int isupper(int c);
int islower(int c);
int isxdigit(int c);
int ispunct(int c);
int isprint(int c);
int toupper(int c);
int tolower(int c);
)";

constexpr std::string_view kErrno = R"(/* <errno.h> (memviz): error numbers, with Linux's values. */
extern int errno;
#define EDOM 33
#define EINVAL 22
#define ENOMEM 12
#define ERANGE 34
)";

constexpr std::string_view kInttypes = R"(/* <inttypes.h> (memviz, ${MODEL}): printf and scanf formats for <stdint.h>'s types. */
#include <stdint.h>
)";

constexpr std::string_view kLimits = R"(/* <limits.h> (memviz, ${MODEL}): the ranges of the integer types. char is signed. */
#define CHAR_BIT 8
#define MB_LEN_MAX 16
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#define SHRT_MIN (-32768)
#define SHRT_MAX 32767
#define USHRT_MAX 65535
#define INT_MIN (-INT_MAX - 1)
#define INT_MAX 2147483647
#define UINT_MAX 4294967295U
#define LONG_MIN (-LONG_MAX - 1L)
#define LONG_MAX ${LONG_MAX}
#define ULONG_MAX ${ULONG_MAX}
#define LLONG_MIN (-LLONG_MAX - 1LL)
#define LLONG_MAX 9223372036854775807LL
#define ULLONG_MAX 18446744073709551615ULL
)";

constexpr std::string_view kMath = R"(/* <math.h> (memviz): the functions memviz provides. */
double sqrt(double x);
double pow(double x, double y);
double fabs(double x);
double floor(double x);
double ceil(double x);
double fmod(double x, double y);
)";

constexpr std::string_view kStdbool = R"(/* <stdbool.h> (memviz) */
#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
)";

constexpr std::string_view kStddef = R"(/* <stddef.h> (memviz, ${MODEL}) */
typedef ${WORD} ptrdiff_t;
#define offsetof(type, member) __builtin_offsetof(type, member)
)";

constexpr std::string_view kStdint = R"(/* <stdint.h> (memviz, ${MODEL}): integer types of exact widths. */
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef ${INT64} int64_t;
typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned ${INT64} uint64_t;
typedef ${WORD} intptr_t;
typedef unsigned ${WORD} uintptr_t;
typedef ${INT64} intmax_t;
typedef unsigned ${INT64} uintmax_t;
#define INT8_MIN (-128)
#define INT16_MIN (-32767 - 1)
#define INT32_MIN (-2147483647 - 1)
#define INT64_MIN (-9223372036854775807${L64} - 1)
#define INT8_MAX 127
#define INT16_MAX 32767
#define INT32_MAX 2147483647
#define INT64_MAX 9223372036854775807${L64}
#define UINT8_MAX 255
#define UINT16_MAX 65535
#define UINT32_MAX 4294967295U
#define UINT64_MAX 18446744073709551615U${L64}
#define INTPTR_MIN (-${WORD_MAX} - 1)
#define INTPTR_MAX ${WORD_MAX}
#define UINTPTR_MAX ${UWORD_MAX}
#define INTMAX_MIN INT64_MIN
#define INTMAX_MAX INT64_MAX
#define UINTMAX_MAX UINT64_MAX
#define PTRDIFF_MIN (-${WORD_MAX} - 1)
#define PTRDIFF_MAX ${WORD_MAX}
#define SIZE_MAX ${UWORD_MAX}
#define INT8_C(c) c
#define INT16_C(c) c
#define INT32_C(c) c
#define INT64_C(c) c ## ${L64}
#define UINT8_C(c) c
#define UINT16_C(c) c
#define UINT32_C(c) c ## U
#define UINT64_C(c) c ## U${L64}
#define INTMAX_C(c) c ## ${L64}
#define UINTMAX_C(c) c ## U${L64}
)";

constexpr std::string_view kStdio = R"(/* <stdio.h> (memviz): the input/output functions memviz provides. */
#define EOF (-1)
typedef struct _memviz_FILE FILE;
extern FILE *stdin, *stdout, *stderr;
int printf(const char *format, ...);
int fprintf(FILE *stream, const char *format, ...);
int sprintf(char *str, const char *format, ...);
int snprintf(char *str, size_t size, const char *format, ...);
int puts(const char *s);
int putchar(int c);
int fputs(const char *s, FILE *stream);
int getchar(void);
char *fgets(char *s, int size, FILE *stream);
int scanf(const char *format, ...);
)";

constexpr std::string_view kStdlib = R"(/* <stdlib.h> (memviz): memory, conversions, random numbers, sorting, exit. */
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
void exit(int status);
void abort(void);
int atoi(const char *s);
long atol(const char *s);
long strtol(const char *s, char **end, int base);
int abs(int n);
long labs(long n);
int rand(void);
void srand(unsigned int seed);
void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t count, size_t size,
              int (*compare)(const void *, const void *));
)";

constexpr std::string_view kString = R"(/* <string.h> (memviz): strings and byte arrays. */
size_t strlen(const char *s);
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t n);
char *strcat(char *dest, const char *src);
char *strncat(char *dest, const char *src, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strdup(const char *s);
void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
)";

struct Template {
    std::string_view name;
    bool once;
    bool declares_size_t;  // gets kSizeT (size_t and NULL) in front of its text
    std::string_view text;
};

// Alphabetical: the index + 1 is the file id.
constexpr std::array<Template, kHeaderCount> kTemplates = {{
    {"assert.h", false, false, kAssert},
    {"ctype.h", true, false, kCtype},
    {"errno.h", true, false, kErrno},
    {"inttypes.h", true, false, kInttypes},
    {"limits.h", true, false, kLimits},
    {"math.h", true, false, kMath},
    {"stdbool.h", true, false, kStdbool},
    {"stddef.h", true, true, kStddef},
    {"stdint.h", true, false, kStdint},
    {"stdio.h", true, true, kStdio},
    {"stdlib.h", true, true, kStdlib},
    {"string.h", true, true, kString},
}};

// `text` with each ${NAME} replaced by its word for the model.
std::string fill(std::string_view text, const Words& words) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find("${", i);
        if (open == std::string_view::npos) break;
        const std::size_t close = text.find('}', open);
        const std::string_view name = text.substr(open + 2, close - open - 2);
        out += text.substr(i, open - i);
        for (const auto& [key, word] : words)
            if (key == name) out += word;
        i = close + 1;
    }
    out += text.substr(i);
    return out;
}

// PRId8 ... SCNxMAX: conversions by width, as glibc spells them.
std::string format_macros(const Words& words) {
    std::string pri64;
    for (const auto& [key, word] : words)
        if (key == "PRI64") pri64 = word;
    const std::string priptr = pri64 == "l" ? "l" : "";
    struct Width {
        std::string_view name;
        std::string print;  // length modifier for printf
        std::string scan;   // and for scanf, where no promotion widens small types
    };
    const std::array<Width, 6> widths = {{{"8", "", "hh"}, {"16", "", "h"}, {"32", "", ""},
                                          {"64", pri64, pri64}, {"PTR", priptr, priptr},
                                          {"MAX", pri64, pri64}}};
    std::string out;
    for (std::string_view family : {"PRI", "SCN"}) {
        for (char conversion : std::string_view("diouxX")) {
            if (family == "SCN" && conversion == 'X') continue;  // scanf has no %X
            for (const Width& width : widths) {
                out += "#define ";
                out += family;
                out += conversion;
                out += width.name;
                out += " \"" + (family == "PRI" ? width.print : width.scan) + conversion + "\"\n";
            }
        }
    }
    return out;
}

class HeaderSet {
public:
    explicit HeaderSet(DataModel model) {
        const Words& words = words_for(model);
        for (std::size_t i = 0; i < kHeaderCount; ++i) {
            const Template& t = kTemplates[i];
            std::string text = fill(t.text, words);
            // The size_t block goes after the opening comment, so the header still reads top down.
            if (t.declares_size_t) text.insert(text.find('\n') + 1, fill(kSizeT, words));
            if (t.name == "inttypes.h") text += format_macros(words);
            m_texts[i] = std::move(text);
        }
        for (std::size_t i = 0; i < kHeaderCount; ++i)
            m_headers[i] = {kTemplates[i].name, static_cast<std::uint16_t>(i + 1), kTemplates[i].once, m_texts[i]};
    }
    HeaderSet(const HeaderSet&) = delete;
    HeaderSet& operator=(const HeaderSet&) = delete;

    std::span<const HeaderText> headers() const { return m_headers; }

private:
    std::array<std::string, kHeaderCount> m_texts;  // m_headers' texts point into these
    std::array<HeaderText, kHeaderCount> m_headers{};
};

const HeaderSet& header_set(DataModel model) {
    static const HeaderSet lp64(DataModel::LP64);
    static const HeaderSet ilp32(DataModel::ILP32);
    return model == DataModel::LP64 ? lp64 : ilp32;
}

}  // namespace

const HeaderText* find_header(std::string_view name, DataModel model) {
    for (const HeaderText& header : header_set(model).headers())
        if (header.name == name) return &header;
    return nullptr;
}

std::span<const HeaderText> all_headers(DataModel model) { return header_set(model).headers(); }

std::string_view file_name(std::uint16_t file) {
    if (file == kMainFile) return "main.c";
    if (file <= kHeaderCount) return kTemplates[file - 1u].name;
    return "<built-in>";
}

std::string supported_headers() {
    std::string out;
    for (const Template& t : kTemplates) {
        if (!out.empty()) out += ", ";
        out += '<';
        out += t.name;
        out += '>';
    }
    return out;
}

}  // namespace memviz::lang
