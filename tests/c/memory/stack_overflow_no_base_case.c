// Recursion without a base case never stops: each call takes another frame until the stack is full.
// expect-error: stack overflow 8
// models: lp64 ilp32
// expect-stdout: computing 5!
#include <stdio.h>

long factorial(long n) {
    return n * factorial(n - 1);  // BUG: no base case
}

int main(void) {
    printf("computing 5!\n");
    printf("%ld\n", factorial(5));
    return 0;
}
