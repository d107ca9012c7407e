int main(void) {
    int x = 0;
    double d = &x;
    return (int)d;
}

// expect: 3:16: error: incompatible types when initializing type 'double' using type 'int *'
