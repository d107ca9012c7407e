// Struct padding: the same members in two orders, their sizes and offsets.
// models: lp64
#include <stddef.h>
#include <stdio.h>

struct badly_ordered {
    char c;
    double d;
    short s;
};

struct well_ordered {
    double d;
    short s;
    char c;
};

struct student {
    char initial;
    int id;
    char grade;
    long credits;
};

int main(void) {
    printf("badly_ordered: size %zu, c@%zu d@%zu s@%zu\n", sizeof(struct badly_ordered),
           offsetof(struct badly_ordered, c), offsetof(struct badly_ordered, d), offsetof(struct badly_ordered, s));
    printf("well_ordered: size %zu, d@%zu s@%zu c@%zu\n", sizeof(struct well_ordered),
           offsetof(struct well_ordered, d), offsetof(struct well_ordered, s), offsetof(struct well_ordered, c));
    printf("student: size %zu, id@%zu grade@%zu credits@%zu\n", sizeof(struct student),
           offsetof(struct student, id), offsetof(struct student, grade), offsetof(struct student, credits));
    printf("array of 3 students: %zu bytes\n", sizeof(struct student[3]));
    printf("sizes: char %zu short %zu int %zu long %zu pointer %zu\n", sizeof(char), sizeof(short),
           sizeof(int), sizeof(long), sizeof(void *));
    return 0;
}
