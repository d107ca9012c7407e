struct s { int v; };
int main(void) {
    struct s value = {1};
    if (value) return 1;
    return 0;
}

// expect: 4:9: error: used struct type value where scalar is required
