// Unsigned arithmetic wraps around modulo 2^N: the countdown that never ends, stopped in time.
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

int main(void) {
    unsigned int u = 0;
    u = u - 1;
    printf("0u - 1 = %u (UINT_MAX = %u)\n", u, UINT_MAX);
    u = u + 2;
    printf("UINT_MAX + 2 = %u\n", u);
    uint8_t small = 250;
    for (int i = 0; i < 8; i++)
        small++;
    printf("uint8_t 250 + 8 = %u\n", small);
    uint16_t s = 65535;
    s += 1;
    printf("uint16_t 65535 + 1 = %u\n", s);
    int steps = 0;
    for (unsigned int i = 3; i < 10; i--)
        steps++;
    printf("countdown loop ran %d times\n", steps);
    uint32_t h = 2166136261u;
    const char *text = "hash";
    for (const char *p = text; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 16777619u;
    }
    printf("fnv1a(\"hash\") = %u\n", h);
    printf("INT_MAX = %d, INT_MIN = %d\n", INT_MAX, INT_MIN);
    printf("(unsigned)INT_MIN = %u\n", (unsigned)INT_MIN);
    return 0;
}
// models: lp64 ilp32
