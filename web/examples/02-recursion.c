// title: Recursion and the growing stack
// concept: Every recursive call gets its own stack frame with its own n, so the stack grows one frame per level of recursion.
// models: lp64 ilp32
// expect-stdout: factorial(1) = 1
// expect-stdout: factorial(2) = 2
// expect-stdout: factorial(3) = 6
// expect-stdout: factorial(4) = 24
// expect-stdout: factorial(5) = 120
// expect-stdout: 5! = 120
//
// Watch the stack grow to five factorial frames, each with a different n, then shrink again:
// the deepest call (n = 1) finishes first, so it prints first.
#include <stdio.h>

int factorial(int n) {
    int result = 1;  // each frame has its own n and its own result
    if (n > 1)
        result = n * factorial(n - 1);  // this frame waits here while a new frame is pushed on top
    printf("factorial(%d) = %d\n", n, result);
    return result;  // pop: the frame below receives the value
}

int main(void) {
    printf("5! = %d\n", factorial(5));
    return 0;
}
