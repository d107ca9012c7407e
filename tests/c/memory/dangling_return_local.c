// Returning the address of a local variable: its frame is gone once the function returns.
// expect-error: use of a dangling stack pointer 15
// models: lp64 ilp32
// expect-stdout: got a pointer
#include <stdio.h>

int *make_value(int x) {
    int result = x * 2;
    return &result;
}

int main(void) {
    int *p = make_value(21);
    printf("got a pointer\n");
    printf("%d\n", *p);  // BUG: make_value's frame was popped
    return 0;
}
