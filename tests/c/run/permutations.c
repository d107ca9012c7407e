// Backtracking: every permutation of "abc" and every subset of {1, 2, 3}.
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>

void permute(char *s, int k, int n) {
    if (k == n) {
        printf("%s\n", s);
        return;
    }
    for (int i = k; i < n; i++) {
        char t = s[k]; s[k] = s[i]; s[i] = t;
        permute(s, k + 1, n);
        t = s[k]; s[k] = s[i]; s[i] = t;
    }
}

void subsets(const int *set, int n, int index, int *chosen, int count) {
    if (index == n) {
        printf("{");
        for (int i = 0; i < count; i++)
            printf(i ? ", %d" : "%d", chosen[i]);
        printf("}\n");
        return;
    }
    chosen[count] = set[index];
    subsets(set, n, index + 1, chosen, count + 1);
    subsets(set, n, index + 1, chosen, count);
}

int main(void) {
    char s[] = "abc";
    permute(s, 0, strlen(s));
    int set[] = {1, 2, 3}, chosen[3];
    subsets(set, 3, 0, chosen, 0);
    return 0;
}
