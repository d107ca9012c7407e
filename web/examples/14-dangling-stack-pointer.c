// title: Returning the address of a local
// concept: A local variable dies when its function returns and its stack frame is popped, so a pointer to it is left dangling.
// models: lp64 ilp32
// expect-stdout: got the address of count
// expect-error: use of a dangling stack pointer 19
//
// Watch count_pt after make_counter returns: it still holds an address in the popped frame, where
// count used to be. The compiler warns about the return; memviz stops at the use.
#include <stdio.h>

int *make_counter(void) {
    int count = 10;  // count lives in make_counter's stack frame...
    return &count;   // ...which is popped now: the address outlives the variable
}

int main(void) {
    int *count_pt = make_counter();
    printf("got the address of count\n");
    *count_pt = *count_pt + 1;  // BUG: count's frame is gone
    printf("count = %d\n", *count_pt);
    return 0;
}
