// toupper and tolower: shouting, whispering, and title case.
#include <ctype.h>
#include <stdio.h>

void to_title(char *s) {
    int start = 1;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            start = 1;
        } else {
            *s = start ? toupper((unsigned char)*s) : tolower((unsigned char)*s);
            start = 0;
        }
    }
}

int main(void) {
    char line[] = "the C programming LANGUAGE";
    for (char *p = line; *p; p++)
        putchar(toupper((unsigned char)*p));
    putchar('\n');
    for (char *p = line; *p; p++)
        putchar(tolower((unsigned char)*p));
    putchar('\n');
    to_title(line);
    printf("%s\n", line);
    printf("toupper('1') = '%c', tolower('Q') = '%c'\n", toupper('1'), tolower('Q'));
    return 0;
}
// models: lp64 ilp32
