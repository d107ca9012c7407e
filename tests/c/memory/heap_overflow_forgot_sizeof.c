// malloc(n) instead of malloc(n * sizeof(int)): n bytes hold only n / 4 ints.
// expect-error: heap buffer overflow 12
// expect-stdout: a[0] = 0
// expect-stdout: a[1] = 1
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n = 8;
    int *a = malloc(n);
    for (int i = 0; i < n; i++) {
        a[i] = i;  // BUG: the block has room for 2 ints, not 8
        printf("a[%d] = %d\n", i, a[i]);
    }
    free(a);
    return 0;
}
// models: lp64 ilp32
