// The value main returns is the program's exit status (modulo 256).
// expect-exit: 43
// models: lp64 ilp32
#include <stdio.h>

int count_errors(const int *codes, int n) {
    int errors = 0;
    for (int i = 0; i < n; i++)
        if (codes[i] != 0)
            errors++;
    return errors;
}

int main(void) {
    int codes[] = {0, 3, 0, 0, 7, 1};
    int errors = count_errors(codes, 6);
    printf("%d errors\n", errors);
    return 256 + 40 + errors;
}
