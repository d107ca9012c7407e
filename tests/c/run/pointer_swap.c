// Pass by value versus pass by pointer: the swap that does not work and the one that does.
#include <stdio.h>

void swap_wrong(int a, int b) {
    int t = a;
    a = b;
    b = t;
}

void swap(int *a, int *b) {
    int t = *a;
    *a = *b;
    *b = t;
}

void min_max(const int *values, int n, int *min, int *max) {
    *min = *max = values[0];
    for (int i = 1; i < n; i++) {
        if (values[i] < *min) *min = values[i];
        if (values[i] > *max) *max = values[i];
    }
}

int main(void) {
    int x = 1, y = 2;
    swap_wrong(x, y);
    printf("after swap_wrong: x=%d y=%d\n", x, y);
    swap(&x, &y);
    printf("after swap: x=%d y=%d\n", x, y);
    int data[] = {5, -3, 12, 7, 0};
    int lo, hi;
    min_max(data, 5, &lo, &hi);
    printf("min=%d max=%d\n", lo, hi);
    return 0;
}
// models: lp64 ilp32
