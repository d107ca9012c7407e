// title: Swapping through pointers
// concept: A function gets copies of its arguments, so to change the caller's variables it needs their addresses.
// models: lp64 ilp32
// expect-stdout: inside swap_copies: a = 2, b = 1
// expect-stdout: after swap_copies: x = 1, y = 2
// expect-stdout: after swap: x = 2, y = 1
//
// Watch the frames: swap_copies swaps its own a and b and main's x and y do not change. swap
// gets &x and &y, so a_pt and b_pt point into main's frame, and *a_pt = ... writes there.
#include <stdio.h>

void swap_copies(int a, int b) {  // a and b are copies of x and y
    int tmp = a;
    a = b;
    b = tmp;
    printf("inside swap_copies: a = %d, b = %d\n", a, b);
}

void swap(int *a_pt, int *b_pt) {  // the addresses of x and y
    int tmp = *a_pt;
    *a_pt = *b_pt;  // writes into main's frame
    *b_pt = tmp;
}

int main(void) {
    int x = 1;
    int y = 2;
    swap_copies(x, y);
    printf("after swap_copies: x = %d, y = %d\n", x, y);
    swap(&x, &y);
    printf("after swap: x = %d, y = %d\n", x, y);
    return 0;
}
