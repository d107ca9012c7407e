// Deep recursion that still fits: Ackermann's function and counting the calls.
// models: lp64 ilp32
#include <stdio.h>

static long calls;

int ackermann(int m, int n) {
    calls++;
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

int main(void) {
    for (int m = 0; m <= 2; m++)
        for (int n = 0; n <= 3; n++) {
            calls = 0;
            int a = ackermann(m, n);
            printf("A(%d, %d) = %d in %ld calls\n", m, n, a, calls);
        }
    calls = 0;
    int a33 = ackermann(3, 3);
    printf("A(3, 3) = %d in %ld calls\n", a33, calls);
    return 0;
}
