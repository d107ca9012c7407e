// A local array bigger than the whole stack (8 MiB): it belongs on the heap.
// expect-error: stack overflow 16
// models: lp64 ilp32
// expect-stdout: starting
#include <stdio.h>

void fill(int n) {
    int big[4 * 1024 * 1024];  // 16 MiB: too big for an 8 MiB stack
    for (int i = 0; i < n; i++)
        big[i] = i;
    printf("%d\n", big[n - 1]);
}

int main(void) {
    printf("starting\n");
    fill(10);  // BUG: the call cannot push fill's 16 MiB frame
    return 0;
}
