// Splitting a line into words by hand (there is no strtok): pointers into the buffer, '\0' at each end.
#include <ctype.h>
#include <stdio.h>

int split(char *line, char *words[], int max) {
    int n = 0;
    char *p = line;
    while (*p && n < max) {
        while (isspace((unsigned char)*p))
            p++;
        if (*p == '\0')
            break;
        words[n++] = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
        if (*p)
            *p++ = '\0';
    }
    return n;
}

int main(void) {
    char line[] = "  copy   source.txt\tdest.txt  ";
    char *words[8];
    int n = split(line, words, 8);
    printf("%d words\n", n);
    for (int i = 0; i < n; i++)
        printf("[%s]\n", words[i]);
    return 0;
}
// models: lp64 ilp32
