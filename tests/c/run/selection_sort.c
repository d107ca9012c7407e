// Selection sort of characters in a string, and of an array through an index of minimum.
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>

void selection_sort(char *s) {
    int n = strlen(s);
    for (int i = 0; i < n - 1; i++) {
        int min = i;
        for (int j = i + 1; j < n; j++)
            if (s[j] < s[min])
                min = j;
        if (min != i) {
            char t = s[i];
            s[i] = s[min];
            s[min] = t;
        }
    }
}

int main(void) {
    char word[] = "selection";
    selection_sort(word);
    printf("%s\n", word);
    char letters[] = "zyxwvutsrqponmlkjihgfedcba";
    selection_sort(letters);
    printf("%s\n", letters);
    return 0;
}
