// One past the end of a table of functions: caught at the index, before the call.
// expect-error: global buffer overflow 17
// expect-stdout: help
// expect-stdout: list
// expect-stdout: quit
#include <stdio.h>

void cmd_help(void) { printf("help\n"); }
void cmd_list(void) { printf("list\n"); }
void cmd_quit(void) { printf("quit\n"); }

void (*commands[3])(void) = {cmd_help, cmd_list, cmd_quit};
long after_the_table = 12345;

int main(void) {
    for (int i = 0; i <= 3; i++)
        commands[i]();  // BUG: commands[3] is past the end
    return 0;
}
// models: lp64 ilp32
