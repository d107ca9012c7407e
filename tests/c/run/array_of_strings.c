// An array of pointers to strings versus a 2D char array: same text, different memory.
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *planets[] = {"Mercury", "Venus", "Earth", "Mars"};
    char grid[4][8] = {"Mercury", "Venus", "Earth", "Mars"};
    int n = sizeof planets / sizeof planets[0];
    for (int i = 0; i < n; i++)
        printf("%d: %-8s %c%c\n", i, planets[i], planets[i][0], grid[i][strlen(grid[i]) - 1]);
    grid[2][0] = 'e';
    printf("grid row 2 changed: %s, literal still %s\n", grid[2], planets[2]);
    printf("sizeof grid = %zu, sizeof grid[0] = %zu\n", sizeof grid, sizeof grid[0]);
    const char **p = planets;
    printf("p[3] + 1 = %s\n", p[3] + 1);
    p++;
    printf("(*p)[1] = %c\n", (*p)[1]);
    return 0;
}
