// A loop with the wrong bound writes past a local array, over the frame's saved return address.
// expect-error: return to a bad address 17
// models: lp64 ilp32
// expect-stdout: cleared
#include <stdio.h>
#include <string.h>

void clear(long *values, int n) {
    for (int i = 0; i < n; i++)
        values[i] = -1;
}

int sum_cleared(void) {
    long local[4];
    clear(local, 6);  // should have been 4
    printf("cleared\n");
    return (int)local[0];  // BUG: the return address was overwritten with -1
}

int main(void) {
    printf("%d\n", sum_cleared());
    return 0;
}
