// title: Stack overflow
// concept: Each call takes a new stack frame; recursion that never reaches a base case fills the stack until it runs out.
// models: lp64 ilp32
// expect-stdout: summing 1 to 5
// expect-error: stack overflow 13
//
// Watch the stack fill with sum_to frames: n goes 5, 4, ..., 0, -1, ... because nothing stops
// it. The stack has a maximum size (8 MiB here), and the call that would pass it fails.
#include <stdio.h>

int sum_to(int n) {
    // the base case is missing: if (n == 0) return 0;
    return n + sum_to(n - 1);  // BUG: calls itself forever
}

int main(void) {
    printf("summing 1 to 5\n");
    printf("%d\n", sum_to(5));
    return 0;
}
