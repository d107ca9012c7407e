// Reversing a string in place with two indices, then with two pointers.
#include <stdio.h>
#include <string.h>

void reverse_index(char s[]) {
    int n = strlen(s);
    for (int i = 0; i < n / 2; i++) {
        char t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
}

void reverse_pointer(char *s) {
    char *end = s + strlen(s) - 1;
    while (s < end) {
        char t = *s;
        *s++ = *end;
        *end-- = t;
    }
}

int main(void) {
    char word[] = "memory";
    reverse_index(word);
    printf("%s\n", word);
    reverse_pointer(word);
    printf("%s\n", word);
    char empty[] = "";
    reverse_index(empty);
    printf("[%s] has length %zu\n", empty, strlen(empty));
    return 0;
}
// models: lp64 ilp32
