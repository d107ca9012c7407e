// abs by hand: negating INT_MIN has no int result.
// expect-error: signed integer overflow 9
// models: lp64 ilp32
// expect-stdout: 5 5
#include <limits.h>
#include <stdio.h>

int my_abs(int x) {
    return x < 0 ? -x : x;  // BUG: -INT_MIN overflows
}

int main(void) {
    printf("%d %d\n", my_abs(-5), my_abs(5));
    printf("%d\n", my_abs(INT_MIN));
    return 0;
}
