// fprintf to stderr for errors, fputs and fprintf to stdout for results.
#include <stdio.h>

int safe_divide(int a, int b, int *result) {
    if (b == 0) {
        fprintf(stderr, "error: cannot divide %d by zero\n", a);
        return 0;
    }
    *result = a / b;
    return 1;
}

int main(void) {
    int pairs[][2] = {{10, 2}, {7, 0}, {9, 3}};
    for (int i = 0; i < 3; i++) {
        int r;
        if (safe_divide(pairs[i][0], pairs[i][1], &r))
            fprintf(stdout, "%d / %d = %d\n", pairs[i][0], pairs[i][1], r);
    }
    fputs("fputs writes no newline; ", stdout);
    fputs("so we add one\n", stdout);
    fputs("diagnostic text\n", stderr);
    return 0;
}
// models: lp64 ilp32
