// Designated initializers and compound literals: naming the members and elements you set.
// models: lp64 ilp32
#include <stdio.h>

struct config {
    int width, height;
    double scale;
    const char *title;
    int flags[4];
};

void show(struct config c) {
    printf("%s: %dx%d scale %.2f flags %d%d%d%d\n", c.title ? c.title : "(none)", c.width, c.height,
           c.scale, c.flags[0], c.flags[1], c.flags[2], c.flags[3]);
}

int sum(const int *v, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    return s;
}

int main(void) {
    struct config a = {.title = "window", .width = 640, .height = 480};
    struct config b = {.scale = 1.5, .flags = {[3] = 1, [1] = 1}};
    show(a);
    show(b);
    show((struct config){.width = 1, .height = 2, .title = "literal"});
    int squares[10] = {[2] = 4, [3] = 9, [9] = 81};
    printf("squares: %d %d %d %d\n", squares[0], squares[2], squares[3], squares[9]);
    printf("sum of literal array: %d\n", sum((int[]){1, 2, 3, 4, 5}, 5));
    int matrix[3][3] = {[0] = {1}, [1] = {[1] = 1}, [2] = {[2] = 1}};
    for (int i = 0; i < 3; i++)
        printf("%d %d %d\n", matrix[i][0], matrix[i][1], matrix[i][2]);
    return 0;
}
