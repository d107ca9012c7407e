// A base case that an odd start steps over: n goes 5, 3, 1, -1, ... and never hits 0.
// expect-error: stack overflow 10
// models: lp64 ilp32
// expect-stdout: 12
#include <stdio.h>

int sum_every_other(int n) {
    if (n == 0)
        return 0;
    return n + sum_every_other(n - 2);  // BUG: misses 0 when n is odd
}

int main(void) {
    printf("%d\n", sum_every_other(6));
    printf("%d\n", sum_every_other(5));
    return 0;
}
