// sprintf into a heap buffer sized for the short case only.
// expect-error: heap buffer overflow 12
// models: lp64 ilp32
// expect-stdout: id-7
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char *label = malloc(8);
    sprintf(label, "id-%d", 7);
    printf("%s\n", label);
    sprintf(label, "id-%d", 123456789);  // BUG: 12 characters into 8 bytes
    printf("%s\n", label);
    free(label);
    return 0;
}
