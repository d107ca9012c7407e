// qsort with comparison functions: ascending, descending, and by absolute value.
#include <stdio.h>
#include <stdlib.h>

int ascending(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int descending(const void *a, const void *b) {
    return ascending(b, a);
}

int by_abs(const void *a, const void *b) {
    int x = abs(*(const int *)a), y = abs(*(const int *)b);
    return x - y;
}

void print(const char *label, const int *v, int n) {
    printf("%-10s", label);
    for (int i = 0; i < n; i++)
        printf(" %d", v[i]);
    printf("\n");
}

int main(void) {
    int v[] = {5, -12, 3, 9, -1, 0, 7, -4};
    int n = sizeof v / sizeof *v;
    qsort(v, n, sizeof v[0], ascending);
    print("ascending", v, n);
    qsort(v, n, sizeof v[0], descending);
    print("descending", v, n);
    qsort(v, n, sizeof(int), by_abs);
    print("by abs", v, n);
    return 0;
}
// models: lp64 ilp32
