struct point { int x, y; };
int get_z(struct point p) {
    return p.z;
}

// expect: 3:13: error: 'struct point' has no member named 'z'
