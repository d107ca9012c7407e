/* Sieve of Eratosthenes up to 2,000,000 in a stack-sized global array. */
#include <stdio.h>
static char composite[2000001];
int main(void) {
    int n = 2000000, count = 0;
    for (int i = 2; i <= n; i++) {
        if (composite[i]) continue;
        count++;
        for (long j = (long)i * i; j <= n; j += i) composite[j] = 1;
    }
    printf("%d primes\n", count);
    return 0;
}
