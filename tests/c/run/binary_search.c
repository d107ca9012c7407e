// Binary search by hand, iterative and recursive, counting the probes.
// models: lp64 ilp32
#include <stdio.h>

int probes;

int search_iter(const int *a, int n, int key) {
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        probes++;
        if (a[mid] == key) return mid;
        if (a[mid] < key) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

int search_rec(const int *a, int lo, int hi, int key) {
    if (lo > hi) return -1;
    int mid = (lo + hi) / 2;
    probes++;
    if (a[mid] == key) return mid;
    return a[mid] < key ? search_rec(a, mid + 1, hi, key) : search_rec(a, lo, mid - 1, key);
}

int main(void) {
    int a[16];
    for (int i = 0; i < 16; i++)
        a[i] = i * 3;
    int keys[] = {0, 21, 45, 22, -3, 99};
    for (int i = 0; i < 6; i++) {
        probes = 0;
        int at = search_iter(a, 16, keys[i]);
        int p1 = probes;
        probes = 0;
        int at2 = search_rec(a, 0, 15, keys[i]);
        printf("key %d: index %d (%d probes), recursive %d (%d probes)\n", keys[i], at, p1, at2, probes);
    }
    return 0;
}
