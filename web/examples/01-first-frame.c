// title: A first stack frame
// concept: Calling a function pushes a stack frame holding its parameters and local variables; returning pops it.
// models: lp64 ilp32
// expect-stdout: area = 12
//
// Watch the stack: main's frame holds width, height and area. The call pushes a frame for
// rectangle_area on top, with copies of the arguments (w, h) and its local (result); it is the top
// frame while the function runs, and it is popped when the function returns.
#include <stdio.h>

int rectangle_area(int w, int h) {
    int result = w * h;  // a local variable in rectangle_area's frame
    return result;       // the value goes back to main, then this frame is popped
}

int main(void) {
    int width = 3;  // locals of main, in main's stack frame
    int height = 4;
    int area = rectangle_area(width, height);  // w and h get copies of width and height
    printf("area = %d\n", area);
    return 0;
}
