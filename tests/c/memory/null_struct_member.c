// A tree node whose child was never created: following ->left of a leaf.
// expect-error: null pointer dereference 17
// models: lp64 ilp32
// expect-stdout: root 5
#include <stdio.h>
#include <stdlib.h>

struct tree {
    int key;
    struct tree *left, *right;
};

int main(void) {
    struct tree *root = calloc(1, sizeof *root);
    root->key = 5;
    printf("root %d\n", root->key);
    root->left->key = 3;  // BUG: root->left is NULL
    free(root);
    return 0;
}
