// factorial in an int: 13! does not fit in 32 bits.
// expect-error: signed integer overflow 12
// models: lp64 ilp32
// expect-stdout: 10! = 3628800
// expect-stdout: 11! = 39916800
// expect-stdout: 12! = 479001600
#include <stdio.h>

int factorial(int n) {
    int result = 1;
    for (int i = 2; i <= n; i++)
        result *= i;  // BUG: 13! > INT_MAX
    return result;
}

int main(void) {
    for (int n = 10; n <= 13; n++)
        printf("%d! = %d\n", n, factorial(n));
    return 0;
}
