// A percentage of a total that turned out to be zero.
// expect-error: division by zero 11
// models: lp64 ilp32
// expect-stdout: class 0: 80%
#include <stdio.h>

int main(void) {
    int passed[] = {8, 0};
    int total[] = {10, 0};
    for (int i = 0; i < 2; i++) {
        int percent = passed[i] * 100 / total[i];  // BUG: the second class is empty
        printf("class %d: %d%%\n", i, percent);
    }
    return 0;
}
