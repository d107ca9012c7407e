// A loop with the wrong bound writes past a local array, over the frame's saved return address.
// memviz reports the first write past the array; kept going, the program runs into the
// consequence: the function returns to the address the overflow wrote.
// expect-error: return to a bad address 22
// keep-going
// expect-reported: stack buffer overflow 15
// expect-reported: stack buffer overflow 15
// models: lp64 ilp32
// expect-stdout: cleared
#include <stdio.h>
#include <string.h>

void clear(long *values, int n) {
    for (int i = 0; i < n; i++)
        values[i] = -1;  // BUG: values[4] and values[5] are past the end of local[4]
}

int sum_cleared(void) {
    long local[4];
    clear(local, 6);  // should have been 4
    printf("cleared\n");
    return (int)local[0];  // the consequence: the return address was overwritten with -1
}

int main(void) {
    printf("%d\n", sum_cleared());
    return 0;
}
