// Conway's Game of Life on a small 2D char grid: a blinker and a glider, a few generations.
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>

#define ROWS 6
#define COLS 6

int neighbours(char g[ROWS][COLS], int r, int c) {
    int n = 0;
    for (int dr = -1; dr <= 1; dr++)
        for (int dc = -1; dc <= 1; dc++) {
            if (dr == 0 && dc == 0) continue;
            int rr = r + dr, cc = c + dc;
            if (rr >= 0 && rr < ROWS && cc >= 0 && cc < COLS && g[rr][cc] == '#')
                n++;
        }
    return n;
}

void step(char g[ROWS][COLS]) {
    char next[ROWS][COLS];
    for (int r = 0; r < ROWS; r++)
        for (int c = 0; c < COLS; c++) {
            int n = neighbours(g, r, c);
            next[r][c] = (n == 3 || (n == 2 && g[r][c] == '#')) ? '#' : '.';
        }
    memcpy(g, next, sizeof next);
}

void show(char g[ROWS][COLS]) {
    for (int r = 0; r < ROWS; r++)
        printf("%.*s\n", COLS, g[r]);
    printf("\n");
}

int main(void) {
    char g[ROWS][COLS];
    memset(g, '.', sizeof g);
    g[0][1] = g[1][2] = g[2][0] = g[2][1] = g[2][2] = '#';
    for (int gen = 0; gen < 3; gen++) {
        show(g);
        step(g);
    }
    show(g);
    return 0;
}
