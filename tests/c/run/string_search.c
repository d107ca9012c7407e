// strchr, strrchr and strstr: file extensions, directories and counting occurrences.
#include <stdio.h>
#include <string.h>

int count_occurrences(const char *text, const char *word) {
    int count = 0;
    for (const char *p = strstr(text, word); p != NULL; p = strstr(p + 1, word))
        count++;
    return count;
}

int main(void) {
    const char *path = "/usr/local/share/memviz.tar.gz";
    const char *slash = strrchr(path, '/');
    const char *dot = strchr(slash, '.');
    printf("file name: %s\n", slash + 1);
    printf("directory length: %d\n", (int)(slash - path));
    printf("first extension: %s, last: %s\n", dot, strrchr(path, '.'));
    printf("strchr for missing char: %s\n", strchr(path, '#') == NULL ? "NULL" : "found");
    printf("strchr for the terminator: %d\n", (int)(strchr(path, '\0') - path));
    const char *text = "the cat sat on the mat with the other cat";
    printf("\"the\" occurs %d times, \"cat\" %d, \"dog\" %d\n", count_occurrences(text, "the"),
           count_occurrences(text, "cat"), count_occurrences(text, "dog"));
    const char *at = strstr(text, "sat");
    printf("after \"sat\": %s\n", at + 4);
    printf("empty needle: %d\n", strstr(text, "") == text);
    return 0;
}
// models: lp64 ilp32
