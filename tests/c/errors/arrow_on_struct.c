struct point { int x, y; };
int get_x(struct point p) {
    return p->x;
}

// expect: 3:13: error: invalid type argument of '->' (have 'struct point'); did you mean '.'?
