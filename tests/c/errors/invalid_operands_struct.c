struct s { int v; };
int main(void) {
    struct s a = {1}, b = {2};
    return a + b;
}

// expect: 4:14: error: invalid operands to binary + (have 'struct s' and 'struct s')
