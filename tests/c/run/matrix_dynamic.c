// A 2D array on the heap: an array of row pointers, each row its own malloc, freed in reverse.
#include <stdio.h>
#include <stdlib.h>

int **make_matrix(int rows, int cols) {
    int **m = malloc(rows * sizeof(int *));
    for (int r = 0; r < rows; r++)
        m[r] = malloc(cols * sizeof(int));
    return m;
}

void free_matrix(int **m, int rows) {
    for (int r = 0; r < rows; r++)
        free(m[r]);
    free(m);
}

int main(void) {
    int rows = 4, cols = 5;
    int **m = make_matrix(rows, cols);
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            m[r][c] = (r + 1) * (c + 1);
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++)
            printf("%4d", m[r][c]);
        printf("\n");
    }
    int *flat = malloc(rows * cols * sizeof *flat);
    for (int i = 0; i < rows * cols; i++)
        flat[i] = m[i / cols][i % cols];
    printf("flat[13] = %d = m[2][3] = %d\n", flat[13], m[2][3]);
    free(flat);
    free_matrix(m, rows);
    return 0;
}
// models: lp64 ilp32
