// An index computed wrongly lands far outside the global array: caught at the index.
// expect-error: global buffer overflow 12
// expect-stdout: table[0] = 1
#include <stdio.h>

int table[100];

int main(void) {
    int row = 2000, col = 3000;
    table[0] = 1;
    printf("table[0] = %d\n", table[0]);
    table[row * col * 100] = 7;  // BUG: index 600000000 is far past the array
    return 0;
}
