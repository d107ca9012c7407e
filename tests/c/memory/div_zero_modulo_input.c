// A modulus read from input without checking it for zero.
// expect-error: division by zero 12
// models: lp64 ilp32
// expect-stdout: 17 mod 5 = 2
// stdin: 17 5
// stdin: 17 0
#include <stdio.h>

int main(void) {
    int a, b;
    while (scanf("%d %d", &a, &b) == 2)
        printf("%d mod %d = %d\n", a, b, a % b);  // BUG: b is 0 on the second line
    return 0;
}
