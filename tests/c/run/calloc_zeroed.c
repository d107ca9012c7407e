// calloc gives zeroed memory; malloc plus memset does the same by hand.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    int *counts = calloc(10, sizeof(int));
    if (counts == NULL)
        return 1;
    int data[] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
    for (int i = 0; i < 11; i++)
        counts[data[i]]++;
    for (int d = 0; d < 10; d++)
        if (counts[d])
            printf("%d appears %d time%s\n", d, counts[d], counts[d] == 1 ? "" : "s");
    double *weights = malloc(4 * sizeof(double));
    memset(weights, 0, 4 * sizeof(double));
    weights[2] = 0.5;
    printf("weights: %.1f %.1f %.1f %.1f\n", weights[0], weights[1], weights[2], weights[3]);
    char *name = calloc(8, 1);
    printf("empty calloc string has length %d\n", (int)strlen(name));
    free(counts);
    free(weights);
    free(name);
    free(NULL);
    return 0;
}
// models: lp64 ilp32
