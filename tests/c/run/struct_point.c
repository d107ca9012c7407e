// Structs by value and by pointer: points and rectangles.
#include <stdio.h>

struct point {
    int x;
    int y;
};

struct rect {
    struct point top_left;
    struct point bottom_right;
};

struct point make_point(int x, int y) {
    struct point p = {x, y};
    return p;
}

void move(struct point *p, int dx, int dy) {
    p->x += dx;
    p->y += dy;
}

int area(struct rect r) {
    return (r.bottom_right.x - r.top_left.x) * (r.bottom_right.y - r.top_left.y);
}

int main(void) {
    struct point a = make_point(1, 2);
    struct point b = a;
    move(&b, 3, 4);
    printf("a=(%d,%d) b=(%d,%d)\n", a.x, a.y, b.x, b.y);
    struct rect r = {a, b};
    printf("area=%d\n", area(r));
    struct rect *rp = &r;
    rp->top_left.x = 0;
    printf("area=%d\n", area(*rp));
    return 0;
}
// models: lp64 ilp32
