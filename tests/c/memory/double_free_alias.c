// Two pointers to the same block, each freed: the second free is a double free.
// expect-error: double free 13
// expect-stdout: 1
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *data = malloc(4 * sizeof(int));
    int *alias = data;
    data[0] = 1;
    printf("%d\n", alias[0]);
    free(data);
    free(alias);  // BUG: alias is the same block as data
    return 0;
}
// models: lp64 ilp32
