struct point { int x, y; };
int get_x(struct point *p) {
    return p.x;
}

// expect: 3:13: error: 'p' is a pointer; did you mean to use '->'?
