// A binary search tree: insert, in-order traversal, search, height, free (post-order).
#include <stdio.h>
#include <stdlib.h>

typedef struct tree {
    int key;
    struct tree *left, *right;
} Tree;

Tree *insert(Tree *t, int key) {
    if (t == NULL) {
        t = malloc(sizeof *t);
        t->key = key;
        t->left = t->right = NULL;
    } else if (key < t->key) {
        t->left = insert(t->left, key);
    } else if (key > t->key) {
        t->right = insert(t->right, key);
    }
    return t;
}

void inorder(const Tree *t) {
    if (!t) return;
    inorder(t->left);
    printf("%d ", t->key);
    inorder(t->right);
}

void preorder(const Tree *t) {
    if (!t) return;
    printf("%d ", t->key);
    preorder(t->left);
    preorder(t->right);
}

const Tree *search(const Tree *t, int key) {
    while (t && t->key != key)
        t = key < t->key ? t->left : t->right;
    return t;
}

int height(const Tree *t) {
    if (!t) return 0;
    int l = height(t->left), r = height(t->right);
    return 1 + (l > r ? l : r);
}

void destroy(Tree *t) {
    if (!t) return;
    destroy(t->left);
    destroy(t->right);
    free(t);
}

int main(void) {
    int keys[] = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65};
    Tree *root = NULL;
    for (int i = 0; i < 10; i++)
        root = insert(root, keys[i]);
    printf("inorder:  "); inorder(root); printf("\n");
    printf("preorder: "); preorder(root); printf("\n");
    printf("height %d\n", height(root));
    printf("search 45: %s, search 55: %s\n", search(root, 45) ? "found" : "missing",
           search(root, 55) ? "found" : "missing");
    destroy(root);
    return 0;
}
// models: lp64 ilp32
