// The average of an empty array divides by a count of zero.
// expect-error: division by zero 11
// models: lp64 ilp32
// expect-stdout: average 80
#include <stdio.h>

int average(const int *values, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++)
        sum += values[i];
    return sum / n;  // BUG: n is 0 for an empty array
}

int main(void) {
    int scores[] = {70, 80, 90};
    printf("average %d\n", average(scores, 3));
    printf("average %d\n", average(scores, 0));
    return 0;
}
