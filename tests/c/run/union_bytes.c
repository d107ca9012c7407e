// Unions: one block of memory seen as an int and as its bytes (x86 is little-endian).
// models: lp64 ilp32
#include <stdio.h>

union word {
    unsigned int value;
    unsigned char bytes[4];
};

int main(void) {
    union word w;
    w.value = 0x11223344;
    for (int i = 0; i < 4; i++)
        printf("byte %d: 0x%02x\n", i, w.bytes[i]);
    w.bytes[0] = 0xff;
    printf("value now 0x%08x\n", w.value);
    printf("sizeof(union word) = %zu\n", sizeof(union word));
    return 0;
}
