// fgets reads a line at a time, keeping the newline; strip it and number the lines.
// stdin: first line
// stdin: a somewhat longer second line that will not fit
// stdin:
// stdin: last
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>

int main(void) {
    char line[24];
    int number = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        size_t len = strlen(line);
        int complete = len > 0 && line[len - 1] == '\n';
        if (complete)
            line[len - 1] = '\0';
        printf("%d%s [%s]\n", ++number, complete ? "" : "+", line);
    }
    printf("%d pieces\n", number);
    return 0;
}
