// Fibonacci three ways: naive recursion, memoized in a static array, and a loop.
// models: lp64 ilp32
#include <stdio.h>

int fib_naive(int n) {
    return n < 2 ? n : fib_naive(n - 1) + fib_naive(n - 2);
}

long long fib_memo(int n) {
    static long long memo[91];
    if (n < 2)
        return n;
    if (memo[n] != 0)
        return memo[n];
    memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
    return memo[n];
}

long long fib_loop(int n) {
    long long a = 0, b = 1;
    for (int i = 0; i < n; i++) {
        long long next = a + b;
        a = b;
        b = next;
    }
    return a;
}

int main(void) {
    printf("naive fib(15) = %d\n", fib_naive(15));
    printf("memo  fib(90) = %lld\n", fib_memo(90));
    printf("loop  fib(90) = %lld\n", fib_loop(90));
    return 0;
}
