// A tagged union: a shape is a circle, a rectangle or a triangle, and the tag says which.
#include <stdio.h>

enum shape_kind { CIRCLE, RECTANGLE, TRIANGLE };

struct shape {
    enum shape_kind kind;
    union {
        struct { double radius; } circle;
        struct { double width, height; } rect;
        struct { double base, height; } tri;
    } as;
};

double area(const struct shape *s) {
    switch (s->kind) {
    case CIRCLE: return 3.14159 * s->as.circle.radius * s->as.circle.radius;
    case RECTANGLE: return s->as.rect.width * s->as.rect.height;
    case TRIANGLE: return 0.5 * s->as.tri.base * s->as.tri.height;
    }
    return 0;
}

int main(void) {
    struct shape shapes[3];
    shapes[0].kind = CIRCLE;
    shapes[0].as.circle.radius = 2;
    shapes[1].kind = RECTANGLE;
    shapes[1].as.rect.width = 3;
    shapes[1].as.rect.height = 4.5;
    shapes[2] = (struct shape){.kind = TRIANGLE, .as.tri = {6, 2}};
    const char *names[] = {"circle", "rectangle", "triangle"};
    double total = 0;
    for (int i = 0; i < 3; i++) {
        printf("%-9s area %.3f\n", names[shapes[i].kind], area(&shapes[i]));
        total += area(&shapes[i]);
    }
    printf("total %.3f\n", total);
    union { float f; unsigned int bits; } pun = {1.0f};
    printf("1.0f is 0x%08x\n", pun.bits);
    return 0;
}
// models: lp64 ilp32
