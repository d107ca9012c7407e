// Passing a 2D array to functions: the column count is part of the parameter's type.
// models: lp64 ilp32
#include <stdio.h>

#define COLS 4

void fill(int m[][COLS], int rows) {
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < COLS; c++)
            m[r][c] = r * COLS + c;
}

void transpose_print(int m[][COLS], int rows) {
    for (int c = 0; c < COLS; c++) {
        for (int r = 0; r < rows; r++)
            printf("%3d", m[r][c]);
        printf("\n");
    }
}

int trace_sum(int (*m)[COLS], int rows) {
    int sum = 0;
    for (int i = 0; i < rows && i < COLS; i++)
        sum += m[i][i];
    return sum;
}

int main(void) {
    int grid[3][COLS];
    fill(grid, 3);
    transpose_print(grid, 3);
    printf("diagonal sum = %d\n", trace_sum(grid, 3));
    return 0;
}
