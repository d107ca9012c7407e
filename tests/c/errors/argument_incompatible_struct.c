struct s { int v; };
int take(int n) { return n; }
int main(void) {
    struct s value = {1};
    return take(value);
}

// expect: 5:17: error: incompatible type for argument 1 of 'take'
// expect: 2:5: note: expected 'int' but argument is of type 'struct s'
