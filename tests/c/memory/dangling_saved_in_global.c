// Saving a pointer to a local in a global, and using it after the function returned.
// expect-error: use of a dangling stack pointer 17
// models: lp64 ilp32
// expect-stdout: remembered 99
#include <stdio.h>

int *last_seen;

void remember(void) {
    int value = 99;
    last_seen = &value;
    printf("remembered %d\n", *last_seen);
}

int main(void) {
    remember();
    *last_seen = 1;  // BUG: value's frame is gone
    return 0;
}
