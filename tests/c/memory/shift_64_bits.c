// A 64-bit value shifted by 64 to clear it.
// expect-error: shift out of range 9
// models: lp64 ilp32
// expect-stdout: 255
#include <stdint.h>
#include <stdio.h>

uint64_t low_bits(uint64_t value, int n) {
    return value & ((UINT64_C(1) << n) - 1);  // BUG: n == 64 is out of range
}

int main(void) {
    printf("%llu\n", (unsigned long long)low_bits(0xFFFF, 8));
    printf("%llu\n", (unsigned long long)low_bits(0xFFFF, 64));
    return 0;
}
