// assert documents what must be true; when it is, nothing happens.
// models: lp64 ilp32
#include <assert.h>
#include <stdio.h>
#include <string.h>

int clamp(int x, int lo, int hi) {
    assert(lo <= hi);
    return x < lo ? lo : x > hi ? hi : x;
}

int main(void) {
    assert(clamp(5, 0, 10) == 5);
    assert(clamp(-5, 0, 10) == 0);
    assert(clamp(50, 0, 10) == 10);
    char buf[8];
    strcpy(buf, "abc");
    assert(strlen(buf) < sizeof buf);
    int *p = NULL;
    assert(p == NULL);
    printf("all assertions passed\n");
    return 0;
}
