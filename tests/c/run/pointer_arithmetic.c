// Pointer arithmetic: p + i moves by i elements, q - p counts elements, and a[i] is *(a + i).
#include <stddef.h>
#include <stdio.h>

int main(void) {
    int a[6] = {10, 20, 30, 40, 50, 60};
    int *p = a;
    int *q = &a[4];
    printf("*p=%d *(p+2)=%d p[3]=%d 3[a]=%d\n", *p, *(p + 2), p[3], 3[a]);
    printf("q - p = %d\n", (int)(q - p));
    ptrdiff_t back = p - q;
    printf("p - q = %ld\n", (long)back);
    int sum = 0;
    for (int *it = a; it != a + 6; it++)
        sum += *it;
    printf("sum=%d\n", sum);
    char text[] = "pointer";
    char *c = text;
    while (*c)
        c++;
    printf("length by pointers = %d\n", (int)(c - text));
    double d[3] = {1.5, 2.5, 3.5};
    double *dp = d + 1;
    printf("dp[-1]=%.1f dp[1]=%.1f\n", dp[-1], dp[1]);
    printf("p < q: %d, q > p + 5: %d\n", p < q, q > p + 5);
    return 0;
}
// models: lp64 ilp32
