// Deleting from a binary search tree: leaf, one child, two children (in-order successor).
#include <stdio.h>
#include <stdlib.h>

struct node {
    int key;
    struct node *left, *right;
};

struct node *new_node(int key) {
    struct node *n = calloc(1, sizeof(struct node));
    n->key = key;
    return n;
}

struct node *insert(struct node *root, int key) {
    if (!root) return new_node(key);
    if (key < root->key) root->left = insert(root->left, key);
    else root->right = insert(root->right, key);
    return root;
}

struct node *delete_key(struct node *root, int key) {
    if (!root) return NULL;
    if (key < root->key) {
        root->left = delete_key(root->left, key);
    } else if (key > root->key) {
        root->right = delete_key(root->right, key);
    } else if (!root->left || !root->right) {
        struct node *child = root->left ? root->left : root->right;
        free(root);
        return child;
    } else {
        struct node *succ = root->right;
        while (succ->left) succ = succ->left;
        root->key = succ->key;
        root->right = delete_key(root->right, succ->key);
    }
    return root;
}

void print(struct node *t) {
    if (!t) { printf("."); return; }
    printf("(");
    print(t->left);
    printf(" %d ", t->key);
    print(t->right);
    printf(")");
}

void destroy(struct node *t) {
    if (t) { destroy(t->left); destroy(t->right); free(t); }
}

int main(void) {
    struct node *root = NULL;
    int keys[] = {8, 3, 10, 1, 6, 14, 4, 7, 13};
    for (int i = 0; i < 9; i++) root = insert(root, keys[i]);
    print(root); printf("\n");
    root = delete_key(root, 1);  print(root); printf("\n");
    root = delete_key(root, 14); print(root); printf("\n");
    root = delete_key(root, 3);  print(root); printf("\n");
    root = delete_key(root, 8);  print(root); printf("\n");
    destroy(root);
    return 0;
}
// models: lp64 ilp32
