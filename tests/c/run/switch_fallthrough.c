// switch with fall-through: counting vowels, and the days-in-month classic.
#include <stdio.h>

int days_in_month(int month, int year) {
    switch (month) {
    case 2:
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
    case 4: case 6: case 9: case 11:
        return 30;
    default:
        return 31;
    }
}

int main(void) {
    const char *text = "Programming in C is fun";
    int vowels = 0, spaces = 0, others = 0;
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case 'A': case 'a':
        case 'E': case 'e':
        case 'I': case 'i':
        case 'O': case 'o':
        case 'U': case 'u':
            vowels++;
            break;
        case ' ':
            spaces++;
            break;
        default:
            others++;
        }
    }
    printf("vowels=%d spaces=%d others=%d\n", vowels, spaces, others);
    int years[] = {1900, 2000, 2023, 2024};
    for (int i = 0; i < 4; i++)
        printf("Feb %d: %d days\n", years[i], days_in_month(2, years[i]));
    printf("Apr: %d, Dec: %d\n", days_in_month(4, 2023), days_in_month(12, 2023));
    int level = 2;
    switch (level) {
    case 3: printf("three ");
    case 2: printf("two ");
    case 1: printf("one ");
    }
    printf("liftoff\n");
    return 0;
}
// models: lp64 ilp32
