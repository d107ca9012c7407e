// The eight queens puzzle by backtracking, with a global board.
// models: lp64 ilp32
#include <stdio.h>
#include <stdlib.h>

#define N 6

int queens[N];
int solutions;

int safe(int row, int col) {
    for (int r = 0; r < row; r++)
        if (queens[r] == col || abs(queens[r] - col) == row - r)
            return 0;
    return 1;
}

void solve(int row) {
    if (row == N) {
        if (++solutions == 1) {
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < N; c++)
                    putchar(queens[r] == c ? 'Q' : '.');
                putchar('\n');
            }
        }
        return;
    }
    for (int c = 0; c < N; c++) {
        if (safe(row, c)) {
            queens[row] = c;
            solve(row + 1);
        }
    }
}

int main(void) {
    solve(0);
    printf("%d solutions for %d queens\n", solutions, N);
    return 0;
}
