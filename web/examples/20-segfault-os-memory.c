// title: Segfault: touching OS memory
// concept: The OS reserves the largest addresses, past the stack, for itself; a pointer that wanders there causes a segmentation fault.
// models: lp64 ilp32
// expect-stdout: local = 7
// expect-error: segmentation fault 16
//
// Watch p: it starts in main's frame, near the top of the stack, then jumps 16 KiB higher, past
// the end of the stack into the OS's memory, which a normal program may not touch.
#include <stdio.h>

int main(void) {
    int local = 7;
    int *p = &local;  // an address in main's stack frame
    printf("local = %d\n", *p);
    p = p + 4096;  // 4096 ints higher: beyond the stack
    *p = 1;        // BUG: writes into OS memory
    return 0;
}
