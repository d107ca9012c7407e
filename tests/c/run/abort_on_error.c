// abort() ends the program at once with SIGABRT, status 134 as the shell reports it.
// expect-exit: 134
// models: lp64 ilp32
#include <stdio.h>
#include <stdlib.h>

void check_invariant(int balance) {
    if (balance < 0) {
        fprintf(stderr, "corrupted balance %d\n", balance);
        abort();
    }
}

int main(void) {
    check_invariant(10);
    check_invariant(-1);
    printf("not reached\n");
    return 0;
}
