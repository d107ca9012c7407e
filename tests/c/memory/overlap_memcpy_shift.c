// Shifting an array right by one with memcpy: source and destination overlap (memmove is right).
// expect-error: overlapping copy 11
// models: lp64 ilp32
// expect-stdout: before: 1 2 3
#include <stdio.h>
#include <string.h>

int main(void) {
    int a[6] = {1, 2, 3, 4, 5, 0};
    printf("before: %d %d %d\n", a[0], a[1], a[2]);
    memcpy(a + 1, a, 5 * sizeof(int));  // BUG: overlapping halves, use memmove
    printf("after: %d %d %d\n", a[0], a[1], a[2]);
    return 0;
}
