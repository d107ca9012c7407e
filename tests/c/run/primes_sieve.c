// The sieve of Eratosthenes over a bool array.
// models: lp64 ilp32
#include <stdbool.h>
#include <stdio.h>

#define LIMIT 100

int main(void) {
    bool composite[LIMIT + 1] = {false};
    int count = 0;
    for (int i = 2; i * i <= LIMIT; i++)
        if (!composite[i])
            for (int j = i * i; j <= LIMIT; j += i)
                composite[j] = true;
    for (int i = 2; i <= LIMIT; i++) {
        if (!composite[i]) {
            printf("%d ", i);
            count++;
        }
    }
    printf("\n%d primes below %d\n", count, LIMIT);
    return 0;
}
