// Preprocessor macros: constants, function-like macros and their parenthesis pitfalls, # and ##.
// models: lp64 ilp32
#include <stdio.h>

#define SIZE 5
#define SQUARE_BAD(x) x * x
#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define STR(x) #x
#define SHOW(expr) printf(STR(expr) " = %d\n", (expr))
#define MAKE_NAME(prefix, n) prefix##n
#define DEBUG 1

int main(void) {
    int value1 = 10, value2 = 20;
    printf("SQUARE_BAD(2 + 3) = %d, SQUARE(2 + 3) = %d\n", SQUARE_BAD(2 + 3), SQUARE(2 + 3));
    SHOW(MAX(3, 9));
    SHOW(SIZE * 2);
    printf("MAKE_NAME(value, 2) = %d\n", MAKE_NAME(value, 2) + MAKE_NAME(value, 1) * 0);
#if DEBUG
    printf("debug build, line %d\n", __LINE__);
#else
    printf("release build\n");
#endif
#ifdef UNDEFINED_THING
    printf("not compiled\n");
#endif
    int arr[SIZE] = {1, 2, 3, 4, 5};
    int total = 0;
    for (int i = 0; i < SIZE; i++) total += SQUARE(arr[i]);
    printf("sum of squares %d\n", total);
    return 0;
}
