// title: An array on the heap
// concept: One malloc can hold n ints side by side, an array whose size is chosen while the program runs; one free releases it all.
// models: lp64 ilp32
// expect-stdout: sum of the first 5 squares = 30
//
// Watch the heap block fill up one int at a time: squares[i] is the int at address squares + i.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n = 5;  // could come from the user: the heap does not need it at compile time
    int *squares = malloc(n * sizeof(int));  // one block of n ints
    if (squares == NULL)
        return 1;
    for (int i = 0; i < n; i++)
        squares[i] = i * i;  // same as *(squares + i) = i * i
    int sum = 0;
    for (int i = 0; i < n; i++)
        sum += squares[i];
    printf("sum of the first %d squares = %d\n", n, sum);
    free(squares);  // one free for the one malloc: the whole array goes
    return 0;
}
