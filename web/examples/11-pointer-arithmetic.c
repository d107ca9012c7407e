// title: Pointers and arrays
// concept: An array's name is the address of its first element, and adding 1 to a pointer moves it to the next element, sizeof(element) bytes further.
// models: lp64 ilp32
// expect-stdout: primes[0] = 2 at primes + 0
// expect-stdout: primes[1] = 3 at primes + 1
// expect-stdout: primes[2] = 5 at primes + 2
// expect-stdout: primes[3] = 7 at primes + 3
// expect-stdout: primes[4] = 11 at primes + 4
// expect-stdout: each step moves 4 bytes
//
// Watch p walk through the array on the stack, one int (4 bytes) per step, and stop at
// primes + 5, one past the end, without reading it.
#include <stdio.h>

int main(void) {
    int primes[5] = {2, 3, 5, 7, 11};
    int *p = primes;  // the same as &primes[0]
    while (p < primes + 5) {  // primes + 5 is one past the end: stop there
        int index = (int)(p - primes);  // pointer minus pointer counts elements, not bytes
        printf("primes[%d] = %d at primes + %d\n", index, *p, index);  // *p is primes[index]
        p++;  // the next int
    }
    printf("each step moves %d bytes\n", (int)((char *)(primes + 1) - (char *)primes));
    return 0;
}
