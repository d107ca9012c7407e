// Arrays and loops: sum, average, minimum and maximum of the grades.
// models: lp64 ilp32
#include <stdio.h>

int main(void) {
    int grades[] = {88, 92, 75, 64, 99, 81, 70};
    int n = sizeof grades / sizeof grades[0];
    int sum = 0, min = grades[0], max = grades[0];
    for (int i = 0; i < n; i++) {
        sum += grades[i];
        if (grades[i] < min) min = grades[i];
        if (grades[i] > max) max = grades[i];
    }
    double average = (double)sum / n;
    printf("n=%d sum=%d min=%d max=%d\n", n, sum, min, max);
    printf("average=%.3f\n", average);
    printf("integer average=%d\n", sum / n);
    return 0;
}
