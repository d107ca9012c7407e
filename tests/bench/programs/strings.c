/* String handling: build, copy, compare and search strings 20,000 times. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
int main(void) {
    char buffer[64];
    long found = 0;
    for (int i = 0; i < 20000; i++) {
        sprintf(buffer, "item-%d-of-%d", i, 20000);
        char *copy = malloc(strlen(buffer) + 1);
        strcpy(copy, buffer);
        if (strcmp(copy, buffer) == 0 && strstr(copy, "-of-") != NULL) found += (long)strlen(copy);
        for (char *p = copy; *p; p++) if (*p == '-') *p = '_';
        free(copy);
    }
    printf("%ld\n", found);
    return 0;
}
