// Printing floating point: %f, %.Nf, %e, %g, widths, and why 0.1 + 0.2 is not 0.3.
// models: lp64 ilp32
#include <stdio.h>

int main(void) {
    double pi = 3.14159265358979;
    float f = 2.5f;
    printf("%f\n", pi);
    printf("%.2f|%8.3f|%-8.1f|%08.2f\n", pi, pi, pi, pi);
    printf("%e\n", 123456.789);
    printf("%.3e\n", 0.000123);
    printf("%g %g %g %g\n", 100000.0, 1000000.0, 0.0001, 0.00001);
    printf("float %f promoted to double\n", f);
    double sum = 0.1 + 0.2;
    printf("0.1 + 0.2 = %.17f, equal to 0.3? %s\n", sum, sum == 0.3 ? "yes" : "no");
    printf("%.0f %.0f %.0f\n", 0.5, 1.5, 2.5);
    printf("%+.2f %+.2f\n", 1.0, -1.0);
    int i = 7;
    printf("7 / 2 = %d, 7 / 2.0 = %.2f, (double)7 / 2 = %.2f\n", i / 2, i / 2.0, (double)i / 2);
    double third = 1.0 / 3;
    printf("%.15f\n", third);
    printf("%5.1f%%\n", 42.25);
    return 0;
}
