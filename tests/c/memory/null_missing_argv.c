// Using argv[1] when the program was run without arguments: argv[1] is NULL.
// expect-error: null pointer dereference 10
// models: lp64 ilp32
// expect-stdout: 0 argument(s)
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    printf("%d argument(s)\n", argc - 1);
    int n = atoi(argv[1]);  // BUG: no argument was given
    printf("n = %d\n", n);
    return 0;
}
