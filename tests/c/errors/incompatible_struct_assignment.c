struct a { int x; };
struct b { int x; };
int main(void) {
    struct a one = {1};
    struct b two = {2};
    one = two;
    return 0;
}

// expect: 6:9: error: incompatible types when assigning to type 'struct a' from type 'struct b'
