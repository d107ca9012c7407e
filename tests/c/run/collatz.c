// The Collatz sequence: the longest chain below 30, with while loops and a long counter.
// models: lp64 ilp32
#include <stdio.h>

int chain_length(long n) {
    int steps = 1;
    while (n != 1) {
        n = n % 2 == 0 ? n / 2 : 3 * n + 1;
        steps++;
    }
    return steps;
}

int main(void) {
    int best = 1, best_len = 1;
    for (int i = 1; i < 30; i++) {
        int len = chain_length(i);
        if (len > best_len) {
            best_len = len;
            best = i;
        }
    }
    printf("longest chain below 30 starts at %d (%d numbers)\n", best, best_len);
    long n = 6;
    while (n != 1) {
        printf("%ld ", n);
        n = n % 2 ? 3 * n + 1 : n / 2;
    }
    printf("1\n");
    return 0;
}
