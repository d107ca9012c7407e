// Bit manipulation: set, clear, toggle and test a bit; count bits; powers of two; print in binary.
// models: lp64 ilp32
#include <stdio.h>

void print_binary(unsigned int x) {
    for (int i = 7; i >= 0; i--)
        putchar((x >> i) & 1 ? '1' : '0');
    putchar('\n');
}

int popcount(unsigned int x) {
    int count = 0;
    while (x) {
        x &= x - 1;
        count++;
    }
    return count;
}

int main(void) {
    unsigned int flags = 0;
    flags |= 1u << 3;
    flags |= 1u << 0;
    print_binary(flags);
    flags ^= 1u << 5;
    print_binary(flags);
    flags &= ~(1u << 3);
    print_binary(flags);
    printf("bit 5 is %s\n", (flags >> 5) & 1 ? "set" : "clear");
    printf("popcount(0xF0F0) = %d\n", popcount(0xF0F0));
    unsigned int candidates[] = {1, 6, 16, 24, 64};
    for (int i = 0; i < 5; i++) {
        unsigned int n = candidates[i];
        printf("%u is%s a power of two\n", n, (n & (n - 1)) == 0 ? "" : " not");
    }
    printf("0x%X & 0x%X = 0x%X, | = 0x%X, ^ = 0x%X\n", 0xCAu, 0x5Fu, 0xCAu & 0x5Fu, 0xCAu | 0x5Fu, 0xCAu ^ 0x5Fu);
    printf("-16 >> 2 = %d, 5 << 4 = %d\n", -16 >> 2, 5 << 4);
    return 0;
}
