// Bubble sort by hand, stopping early when a pass makes no swap.
// models: lp64 ilp32
#include <stdio.h>

int bubble_sort(int a[], int n) {
    int passes = 0;
    for (int i = 0; i < n - 1; i++) {
        int swapped = 0;
        passes++;
        for (int j = 0; j < n - 1 - i; j++) {
            if (a[j] > a[j + 1]) {
                int t = a[j];
                a[j] = a[j + 1];
                a[j + 1] = t;
                swapped = 1;
            }
        }
        if (!swapped)
            break;
    }
    return passes;
}

void print(int a[], int n) {
    for (int i = 0; i < n; i++)
        printf("%d%c", a[i], i == n - 1 ? '\n' : ' ');
}

int main(void) {
    int a[] = {64, 34, 25, 12, 22, 11, 90};
    int passes = bubble_sort(a, 7);
    print(a, 7);
    printf("%d passes\n", passes);
    int sorted[] = {1, 2, 3, 4};
    printf("%d pass on sorted input\n", bubble_sort(sorted, 4));
    return 0;
}
