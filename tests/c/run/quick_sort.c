// Quicksort by hand with Lomuto partitioning, on numbers from rand() with a fixed seed.
#include <stdio.h>
#include <stdlib.h>

void swap(int *a, int *b) {
    int t = *a;
    *a = *b;
    *b = t;
}

int partition(int a[], int lo, int hi) {
    int pivot = a[hi];
    int i = lo;
    for (int j = lo; j < hi; j++)
        if (a[j] < pivot)
            swap(&a[i++], &a[j]);
    swap(&a[i], &a[hi]);
    return i;
}

void quick_sort(int a[], int lo, int hi) {
    if (lo >= hi)
        return;
    int p = partition(a, lo, hi);
    quick_sort(a, lo, p - 1);
    quick_sort(a, p + 1, hi);
}

int main(void) {
    int a[20];
    srand(2024);
    for (int i = 0; i < 20; i++)
        a[i] = rand() % 100;
    quick_sort(a, 0, 19);
    for (int i = 0; i < 20; i++)
        printf("%d ", a[i]);
    printf("\n");
    for (int i = 1; i < 20; i++)
        if (a[i - 1] > a[i])
            printf("not sorted at %d\n", i);
    return 0;
}
// models: lp64 ilp32
