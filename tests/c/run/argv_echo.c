// argc and argv: echo the arguments, then the longest one.
// args: alpha beta gamma-delta 42
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    printf("argc = %d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d] = \"%s\"\n", i, argv[i]);
    const char *longest = "";
    for (char **p = argv + 1; *p != NULL; p++)
        if (strlen(*p) > strlen(longest))
            longest = *p;
    printf("longest: %s\n", longest);
    printf("argv[argc] is %s\n", argv[argc] == NULL ? "NULL" : "not NULL");
    return 0;
}
// models: lp64 ilp32
