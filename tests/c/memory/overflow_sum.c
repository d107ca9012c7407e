// Summing large values in an int instead of a long long.
// expect-error: signed integer overflow 11
// models: lp64 ilp32
// expect-stdout: running total 1400000000
#include <stdio.h>

int main(void) {
    int populations[] = {1400000000, 1380000000, 330000000};
    int total = 0;
    for (int i = 0; i < 3; i++) {
        total += populations[i];  // BUG: the second addition passes INT_MAX
        printf("running total %d\n", total);
    }
    return 0;
}
