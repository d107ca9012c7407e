// scanf with several conversions: a name, an age, a grade letter and a GPA per line.
// stdin: alice 20 A 3.85
// stdin: bob 19 B 3.1
// stdin: carol 22 A 3.95
// models: lp64 ilp32
#include <stdio.h>

struct student {
    char name[20];
    int age;
    char grade;
    double gpa;
};

int main(void) {
    struct student s[5];
    int n = 0;
    while (n < 5 && scanf("%19s %d %c %lf", s[n].name, &s[n].age, &s[n].grade, &s[n].gpa) == 4)
        n++;
    double total = 0;
    for (int i = 0; i < n; i++) {
        printf("%-6s %2d %c %.2f\n", s[i].name, s[i].age, s[i].grade, s[i].gpa);
        total += s[i].gpa;
    }
    printf("%d students, average GPA %.3f\n", n, total / n);
    return 0;
}
