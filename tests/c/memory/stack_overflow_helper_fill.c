// A helper fills the caller's array with one element too many: the array decays to a pointer, so
// the helper cannot know its size, and the loop bound is wrong.
// expect-error: stack buffer overflow 8
// models: lp64 ilp32
#include <stdio.h>
void fill(int *counts, int n) {
    for (int i = 0; i <= n; i++)
        counts[i] = 0;  // BUG: counts[n] is past the end of the caller's array
}
int main(void) {
    int counts[5];
    fill(counts, 5);
    printf("%d\n", counts[0]);
    return 0;
}
