// File permissions as bit flags, the way Unix stores them.
#include <stdio.h>

enum {
    PERM_READ = 1 << 2,
    PERM_WRITE = 1 << 1,
    PERM_EXEC = 1 << 0,
};

void describe(unsigned mode) {
    const char *who[] = {"user", "group", "other"};
    for (int i = 0; i < 3; i++) {
        unsigned bits = (mode >> (6 - 3 * i)) & 7;
        printf("%s:%c%c%c ", who[i], bits & PERM_READ ? 'r' : '-', bits & PERM_WRITE ? 'w' : '-',
               bits & PERM_EXEC ? 'x' : '-');
    }
    printf("(%o)\n", mode);
}

int main(void) {
    unsigned mode = 0644;
    describe(mode);
    mode |= PERM_EXEC << 6;
    describe(mode);
    mode &= ~(unsigned)(PERM_READ << 0);
    describe(mode);
    describe(0755);
    return 0;
}
// models: lp64 ilp32
