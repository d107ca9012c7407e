// Calling a function pointer that was made from the address of data.
// expect-error: call through a bad function pointer 16
// models: lp64 ilp32
// expect-stdout: 42
#include <stdio.h>

typedef int (*operation)(int);

int twice(int x) { return 2 * x; }

int main(void) {
    int numbers[4] = {1, 2, 3, 4};
    operation op = twice;
    printf("%d\n", op(21));
    op = (operation)numbers;
    printf("%d\n", op(21));  // BUG: op points at an int array
    return 0;
}
