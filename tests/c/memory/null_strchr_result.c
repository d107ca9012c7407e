// strchr returns NULL when the character is missing; printing the text after it reads near address 0.
// expect-error: null pointer dereference 10
// models: lp64 ilp32
// expect-stdout: domain: example.org
#include <stdio.h>
#include <string.h>

void print_domain(const char *email) {
    const char *at = strchr(email, '@');
    printf("domain: %s\n", at + 1);  // BUG: no '@', at is NULL
}

int main(void) {
    print_domain("ada@example.org");
    print_domain("not-an-email");
    return 0;
}
