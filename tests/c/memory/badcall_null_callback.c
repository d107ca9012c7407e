// A struct of callbacks where one was never set: calling through a NULL function pointer.
// expect-error: call through a bad function pointer 17
// models: lp64 ilp32
// expect-stdout: started
#include <stdio.h>

struct handlers {
    void (*on_start)(void);
    void (*on_stop)(void);
};

void started(void) { printf("started\n"); }

int main(void) {
    struct handlers h = {started, NULL};
    h.on_start();
    h.on_stop();  // BUG: on_stop is NULL
    return 0;
}
