// title: A struct and its padding
// concept: The compiler places each struct member at an offset that is a multiple of its alignment, leaving padding bytes that belong to no member.
// expect-stdout: sizeof(struct student) = 24
// expect-stdout: grade at 0, gpa at 8, id at 16
// expect-stdout: sizeof(struct student_reordered) = 16
// expect-stdout: A 3.9 1234
//
// Watch the bytes of s on the stack: 7 padding bytes after grade and 4 more at the end make a
// 13-byte struct take 24. Ordering members largest first saves 8 of them. (In ILP32 a double only
// needs 4-byte alignment, so the numbers change: try it.)
#include <stddef.h>
#include <stdio.h>

struct student {
    char grade;  // 1 byte, then 7 bytes of padding so that gpa starts at a multiple of 8
    double gpa;  // 8 bytes
    int id;      // 4 bytes, then 4 bytes of tail padding
};

struct student_reordered {  // the same members, largest first
    double gpa;
    int id;
    char grade;  // 1 byte, then 3 bytes of tail padding
};

int main(void) {
    struct student s = {'A', 3.9, 1234};
    printf("sizeof(struct student) = %zu\n", sizeof(struct student));
    printf("grade at %zu, gpa at %zu, id at %zu\n", offsetof(struct student, grade),
           offsetof(struct student, gpa), offsetof(struct student, id));
    printf("sizeof(struct student_reordered) = %zu\n", sizeof(struct student_reordered));
    printf("%c %.1f %d\n", s.grade, s.gpa, s.id);
    return 0;
}
