// A string freed by a helper, then measured with strlen by the caller.
// expect-error: use after free 18
// models: lp64 ilp32
// expect-stdout: releasing memviz
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void release(char *s) {
    printf("releasing %s\n", s);
    free(s);
}

int main(void) {
    char *name = malloc(16);
    strcpy(name, "memviz");
    release(name);
    printf("length %zu\n", strlen(name));  // BUG: name was freed in release()
    return 0;
}
