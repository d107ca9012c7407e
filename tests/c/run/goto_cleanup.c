// goto for error cleanup, the one use courses accept: each failure jumps to free what exists.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int process(int fail_at) {
    int status = -1;
    char *a = NULL, *b = NULL, *c = NULL;
    a = fail_at == 1 ? NULL : malloc(16);  /* fail_at simulates malloc returning NULL */
    if (a == NULL) goto out;
    strcpy(a, "first");
    b = fail_at == 2 ? NULL : malloc(32);
    if (b == NULL) goto free_a;
    strcpy(b, "second");
    c = fail_at == 3 ? NULL : malloc(64);
    if (c == NULL) goto free_b;
    sprintf(c, "%s+%s", a, b);
    printf("built %s\n", c);
    status = 0;
    free(c);
free_b:
    free(b);
free_a:
    free(a);
out:
    printf("fail_at=%d status=%d\n", fail_at, status);
    return status;
}

int main(void) {
    for (int i = 0; i <= 3; i++)
        process(i);
    int n = 0;
again:
    n++;
    if (n < 5) goto again;
    printf("n=%d\n", n);
    return 0;
}
// models: lp64 ilp32
