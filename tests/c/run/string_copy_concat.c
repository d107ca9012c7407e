// strcpy, strncpy, strcat and strncat into buffers that are big enough.
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>

int main(void) {
    char full[32];
    strcpy(full, "Ada");
    strcat(full, " ");
    strcat(full, "Lovelace");
    printf("%s (%zu chars)\n", full, strlen(full));
    char initials[4];
    strncpy(initials, full, 3);
    initials[3] = '\0';
    printf("first three: %s\n", initials);
    char padded[8];
    strncpy(padded, "hi", sizeof padded);
    printf("strncpy pads with zeros: %d %d %d\n", padded[2], padded[5], padded[7]);
    char path[20] = "/home";
    strncat(path, "/student/projects", sizeof path - strlen(path) - 1);
    printf("%s (%zu)\n", path, strlen(path));
    char buf[16];
    char *end = strcpy(buf, "return value");
    printf("strcpy returns its destination: %d\n", end == buf);
    return 0;
}
