// math.h: sqrt, pow, fabs, floor, ceil, fmod, and the hypotenuse and distance they compute.
// models: lp64 ilp32
#include <math.h>
#include <stdio.h>

struct point {
    double x, y;
};

double distance(struct point a, struct point b) {
    return sqrt(pow(a.x - b.x, 2) + pow(a.y - b.y, 2));
}

int main(void) {
    printf("sqrt(2) = %.6f\n", sqrt(2.0));
    printf("pow(2, 10) = %.0f, pow(2, 0.5) = %.6f\n", pow(2, 10), pow(2, 0.5));
    printf("fabs(-3.25) = %.2f\n", fabs(-3.25));
    printf("floor(2.7) = %.1f, floor(-2.7) = %.1f\n", floor(2.7), floor(-2.7));
    printf("ceil(2.1) = %.1f, ceil(-2.1) = %.1f\n", ceil(2.1), ceil(-2.1));
    printf("fmod(10, 3) = %.1f, fmod(-7.5, 2) = %.1f\n", fmod(10, 3), fmod(-7.5, 2));
    struct point a = {0, 0}, b = {3, 4};
    printf("distance = %.3f\n", distance(a, b));
    double amount = 1000;
    for (int year = 1; year <= 3; year++) {
        amount *= 1.05;
        printf("year %d: %.2f\n", year, amount);
    }
    printf("rounded: %d\n", (int)floor(amount + 0.5));
    return 0;
}
