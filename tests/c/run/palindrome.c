// Palindromes, ignoring case and everything that is not a letter.
// models: lp64 ilp32
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

bool is_palindrome(const char *s) {
    int i = 0, j = (int)strlen(s) - 1;
    while (i < j) {
        if (!isalpha((unsigned char)s[i])) { i++; continue; }
        if (!isalpha((unsigned char)s[j])) { j--; continue; }
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)s[j]))
            return false;
        i++;
        j--;
    }
    return true;
}

int main(void) {
    const char *tests[] = {"racecar", "A man, a plan, a canal: Panama!", "memviz", "", "No lemon, no melon"};
    for (int i = 0; i < 5; i++)
        printf("\"%s\" -> %s\n", tests[i], is_palindrome(tests[i]) ? "yes" : "no");
    return 0;
}
