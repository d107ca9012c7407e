/* Quicksort of 60,000 pseudo-random ints in a heap array. */
#include <stdio.h>
#include <stdlib.h>
static void quicksort(int *a, int lo, int hi) {
    while (lo < hi) {
        int pivot = a[(lo + hi) / 2], i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; } else { quicksort(a, i, hi); hi = j; }
    }
}
int main(void) {
    int n = 60000;
    int *a = malloc(n * sizeof *a);
    unsigned seed = 12345;
    for (int i = 0; i < n; i++) { seed = seed * 1103515245u + 12345u; a[i] = (int)(seed >> 8) % 100000; }
    quicksort(a, 0, n - 1);
    for (int i = 1; i < n; i++) if (a[i - 1] > a[i]) { printf("unsorted\n"); return 1; }
    printf("%d %d %d\n", a[0], a[n / 2], a[n - 1]);
    free(a);
    return 0;
}
