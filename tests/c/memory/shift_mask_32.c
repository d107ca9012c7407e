// Building masks with 1u << i up to and including 32: a 32-bit value shifted by 32.
// expect-error: shift out of range 11
// models: lp64 ilp32
// expect-stdout: 30 bits: 0x3fffffff
// expect-stdout: 31 bits: 0x7fffffff
#include <stdio.h>

int main(void) {
    unsigned int mask;
    for (int bits = 30; bits <= 32; bits++) {
        mask = (1u << bits) - 1;  // BUG: bits == 32 is out of range for unsigned int
        printf("%d bits: 0x%x\n", bits, mask);
    }
    return 0;
}
