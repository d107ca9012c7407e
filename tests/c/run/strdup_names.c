// strdup copies a string into the heap: a list of names that outlive the buffer they came from.
// models: lp64 ilp32
#define _POSIX_C_SOURCE 200809L  // strdup is POSIX, not C99: gcc -std=c99 hides it otherwise
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char buffer[32];
    char *names[3];
    const char *sources[] = {"grace", "alan", "barbara"};
    for (int i = 0; i < 3; i++) {
        strcpy(buffer, sources[i]);
        buffer[0] = buffer[0] - 'a' + 'A';
        names[i] = strdup(buffer);
    }
    strcpy(buffer, "overwritten");
    for (int i = 0; i < 3; i++)
        printf("%s (%zu)\n", names[i], strlen(names[i]));
    char *copy = strdup(names[2]);
    copy[0] = 'b';
    printf("copy %s, original %s\n", copy, names[2]);
    free(copy);
    for (int i = 0; i < 3; i++)
        free(names[i]);
    return 0;
}
