struct later;
int get(struct later *p) {
    return p->value;
}

// expect: 3:13: error: dereferencing pointer to incomplete type 'struct later'
