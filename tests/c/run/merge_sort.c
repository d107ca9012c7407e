// Merge sort with a temporary buffer from malloc.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void merge(int *a, int *tmp, int lo, int mid, int hi) {
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < hi) tmp[k++] = a[j++];
    memcpy(a + lo, tmp + lo, (hi - lo) * sizeof(int));
}

void sort(int *a, int *tmp, int lo, int hi) {
    if (hi - lo < 2)
        return;
    int mid = lo + (hi - lo) / 2;
    sort(a, tmp, lo, mid);
    sort(a, tmp, mid, hi);
    merge(a, tmp, lo, mid, hi);
}

void merge_sort(int *a, int n) {
    int *tmp = malloc(n * sizeof *tmp);
    if (tmp == NULL)
        return;
    sort(a, tmp, 0, n);
    free(tmp);
}

int main(void) {
    int a[] = {38, 27, 43, 3, 9, 82, 10, 3, -5, 0, 27};
    int n = sizeof a / sizeof a[0];
    merge_sort(a, n);
    for (int i = 0; i < n; i++)
        printf("%d ", a[i]);
    printf("\n");
    return 0;
}
// models: lp64 ilp32
