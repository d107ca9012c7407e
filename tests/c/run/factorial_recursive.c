// Recursion: factorial and its base case, computed in long long.
// models: lp64 ilp32
#include <stdio.h>

long long factorial(int n) {
    if (n <= 1)
        return 1;
    return n * factorial(n - 1);
}

int main(void) {
    for (int i = 0; i <= 20; i += 4)
        printf("%d! = %lld\n", i, factorial(i));
    return 0;
}
