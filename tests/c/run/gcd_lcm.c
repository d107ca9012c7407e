// Euclid's algorithm, recursive and iterative, and the lcm built on it.
// models: lp64 ilp32
#include <stdio.h>

int gcd_rec(int a, int b) {
    if (b == 0)
        return a;
    return gcd_rec(b, a % b);
}

int gcd_iter(int a, int b) {
    while (b != 0) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

int lcm(int a, int b) {
    return a / gcd_iter(a, b) * b;
}

int main(void) {
    int pairs[][2] = {{12, 18}, {17, 5}, {100, 75}, {270, 192}};
    for (int i = 0; i < 4; i++) {
        int a = pairs[i][0], b = pairs[i][1];
        printf("gcd(%d, %d) = %d = %d, lcm = %d\n", a, b, gcd_rec(a, b), gcd_iter(a, b), lcm(a, b));
    }
    return 0;
}
