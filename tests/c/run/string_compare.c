// strcmp and strncmp: sign of the result, prefixes, and a case-insensitive compare by hand.
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int sign(int x) { return (x > 0) - (x < 0); }

int compare_ignore_case(const char *a, const char *b) {
    while (*a && tolower((unsigned char)*a) == tolower((unsigned char)*b)) {
        a++;
        b++;
    }
    return tolower((unsigned char)*a) - tolower((unsigned char)*b);
}

int main(void) {
    printf("strcmp(\"apple\", \"apricot\") sign %d\n", sign(strcmp("apple", "apricot")));
    printf("strcmp(\"pear\", \"pea\") sign %d\n", sign(strcmp("pear", "pea")));
    printf("strcmp(\"same\", \"same\") = %d\n", strcmp("same", "same"));
    printf("strncmp(\"compile\", \"computer\", 4) = %d\n", strncmp("compile", "computer", 4));
    printf("strncmp(\"compile\", \"computer\", 5) sign %d\n", sign(strncmp("compile", "computer", 5)));
    printf("Hello vs hello: strcmp sign %d, ignoring case %d\n", sign(strcmp("Hello", "hello")),
           compare_ignore_case("Hello", "hello"));
    const char *command = "quit";
    if (strcmp(command, "quit") == 0)
        printf("quitting\n");
    char a[] = "abc";
    char b[] = "abc";
    printf("a == b: %d, strcmp(a, b) == 0: %d\n", a == b, strcmp(a, b) == 0);
    return 0;
}
// models: lp64 ilp32
