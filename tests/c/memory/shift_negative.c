// A shift count computed by subtraction goes negative.
// expect-error: shift out of range 8
// models: lp64 ilp32
// expect-stdout: 171
#include <stdio.h>

unsigned int top_bits(unsigned int x, int width) {
    return x >> (width - 8);  // BUG: negative when width < 8
}

int main(void) {
    printf("%u\n", top_bits(0xABCD, 16));
    printf("%u\n", top_bits(0xABCD, 4));
    return 0;
}
