// Lesson 1: local variables live in stack frames
#include <stdio.h>

void add_one(int *p) {
    *p = *p + 1; //! add_one's stack frame is on top: it is the function being executed. It changed main's x through p.
}

int main(void) {
    int x = 41; //! x is a local variable: it is allocated on the stack, in main's stack frame.
    add_one(&x); //! add_one(&x) passes the address of x: add_one's argument p points into main's frame.
    printf("x = %d\n", x); //! Back in main: add_one's frame is gone, and x is 42.
    return 0;
}
