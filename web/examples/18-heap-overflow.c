// title: Heap overflow by one
// concept: A block of n ints has room for indices 0 to n - 1; writing a[n] goes past the end of the block.
// models: lp64 ilp32
// expect-stdout: temps[0] = 0
// expect-stdout: temps[1] = 10
// expect-stdout: temps[2] = 20
// expect-stdout: temps[3] = 30
// expect-error: heap buffer overflow 21
//
// Watch the loop's last round: i is n, and temps + n is just past the block, in its padding or the
// next block's header, where the allocator keeps its own data.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n = 4;
    int *temps = malloc(n * sizeof(int));  // room for temps[0] .. temps[3]
    if (temps == NULL)
        return 1;
    for (int i = 0; i <= n; i++) {  // <= should be <
        temps[i] = i * 10;  // BUG: when i == n this writes past the block
        printf("temps[%d] = %d\n", i, temps[i]);
    }
    free(temps);
    return 0;
}
