// abs and labs: distances on a number line and Manhattan distance on a grid.
// models: lp64 ilp32
#include <stdio.h>
#include <stdlib.h>

int manhattan(int x1, int y1, int x2, int y2) {
    return abs(x1 - x2) + abs(y1 - y2);
}

int main(void) {
    printf("abs(-7) = %d, abs(7) = %d, abs(0) = %d\n", abs(-7), abs(7), abs(0));
    printf("labs(-123456789L) = %ld\n", labs(-123456789L));
    printf("manhattan((1,2), (-3,5)) = %d\n", manhattan(1, 2, -3, 5));
    int temps[] = {-5, 3, -12, 8, 0};
    int farthest = 0;
    for (int i = 1; i < 5; i++)
        if (abs(temps[i]) > abs(temps[farthest]))
            farthest = i;
    printf("farthest from zero: %d\n", temps[farthest]);
    return 0;
}
