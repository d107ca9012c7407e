// title: Local, global and static variables
// concept: A local variable lives in its function's stack frame and starts over on every call; global and static variables live in global data for the whole program.
// models: lp64 ilp32
// expect-stdout: local = 1, static = 1, global = 1
// expect-stdout: local = 1, static = 2, global = 2
// expect-stdout: local = 1, static = 3, global = 3
//
// Watch where each variable is: local_count appears in a new frame on every call, while
// static_count and total_calls stay in global data and keep counting.
#include <stdio.h>

int total_calls = 0;  // global: in global data, visible to every function

void count(void) {
    static int static_count = 0;  // static: in global data too, initialized only once
    int local_count = 0;          // local: a fresh one in every call's stack frame
    local_count++;
    static_count++;
    total_calls++;
    printf("local = %d, static = %d, global = %d\n", local_count, static_count, total_calls);
}

int main(void) {
    count();
    count();
    count();
    return 0;
}
