// Walking a pointer through a block and then freeing the moved pointer, not the start.
// expect-error: invalid free 15
// models: lp64 ilp32
// expect-stdout: [trimmed]
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *text = malloc(16);
    strcpy(text, "  trimmed");
    while (*text == ' ')
        text++;
    printf("[%s]\n", text);
    free(text);  // BUG: text is 2 bytes past what malloc returned
    return 0;
}
