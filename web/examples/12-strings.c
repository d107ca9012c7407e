// title: Strings: arrays and literals
// concept: A string is chars ending in '\0'; a char array is a copy we may change, while a string literal is stored with the code and is read-only.
// expect-stdout: Ada: strlen 3, sizeof 16
// expect-stdout: Hello: strlen 5, sizeof motto 8
// expect-stdout: Grace Hopper: strlen 12
//
// Watch name's 16 bytes on the stack: "Ada" uses 4 of them (with the '\0'), then strcpy writes
// 13. motto is only a pointer (8 bytes) to "Hello" in the code segment: sizeof measures the
// pointer, strlen the string.
#include <stdio.h>
#include <string.h>

int main(void) {
    char name[16] = "Ada";  // an array on the stack, holding a copy of "Ada"
    char *motto = "Hello";  // a pointer to a string literal in read-only memory
    printf("%s: strlen %zu, sizeof %zu\n", name, strlen(name), sizeof(name));
    printf("%s: strlen %zu, sizeof motto %zu\n", motto, strlen(motto), sizeof(motto));
    strcpy(name, "Grace Hopper");  // 12 chars and the '\0': fits in 16
    printf("%s: strlen %zu\n", name, strlen(name));
    return 0;
}
