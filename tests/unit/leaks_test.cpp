// Leaks at exit through the whole pipeline: reachability follows chains of pointers from globals.
#include <doctest/doctest.h>

#include "run.h"

using namespace memviz;

TEST_CASE("leak check: a chain from a global is reachable, an orphaned list is lost") {
    const RunResult result = compile_and_run(R"(#include <stdlib.h>
struct node { int value; struct node *next; };
struct node *list;
int main(void) {
    list = malloc(sizeof *list);
    list->next = malloc(sizeof *list);
    list->next->next = NULL;
    struct node *orphan = malloc(sizeof *orphan);
    orphan->next = malloc(sizeof *orphan);
    orphan->next->next = NULL;
    int *freed = malloc(4);
    free(freed);
    return 0;
}
)",
                                             {});
    REQUIRE(result.outcome == RunResult::Outcome::Exited);
    REQUIRE(result.leaks.size() == 4);
    int reachable = 0;
    int lost = 0;
    for (const vm::Leak& leak : result.leaks) {
        CHECK(leak.block.requested == 16);
        (leak.reachable ? reachable : lost)++;
        if (leak.reachable) CHECK((leak.block.allocated_at == 5 || leak.block.allocated_at == 6));
        else CHECK((leak.block.allocated_at == 8 || leak.block.allocated_at == 9));
    }
    CHECK(reachable == 2);
    CHECK(lost == 2);
}

TEST_CASE("leak check: a program that frees everything has no leaks") {
    const RunResult result = compile_and_run(R"(#include <stdlib.h>
int main(void) { char *p = malloc(100); p = realloc(p, 200); free(p); return 0; }
)",
                                             {});
    REQUIRE(result.outcome == RunResult::Outcome::Exited);
    CHECK(result.leaks.empty());
}
