// An integer used as an address: a number that was never a pointer.
// expect-error: segmentation fault 12
// expect-stdout: value = 42
#include <stdio.h>
#include <stdint.h>

int main(void) {
    int value = 42;
    uintptr_t address = 0x7000000;
    int *p = (int *)address;  // should have been &value
    printf("value = %d\n", value);
    *p = value;  // BUG: nothing lives at 0x7000000
    return 0;
}
