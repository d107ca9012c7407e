// Insertion sort of doubles, printing the array after each insertion.
// models: lp64 ilp32
#include <stdio.h>

void print(const double *a, int n) {
    for (int i = 0; i < n; i++)
        printf("%5.1f", a[i]);
    printf("\n");
}

void insertion_sort(double *a, int n) {
    for (int i = 1; i < n; i++) {
        double key = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > key) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = key;
        print(a, n);
    }
}

int main(void) {
    double a[] = {3.5, -1.0, 2.25, 9.0, 0.5};
    insertion_sort(a, 5);
    return 0;
}
