int main(void) {
    return _Generic(1, int: 2, default: 3);
}

// expect: 2:12: error: not supported yet: '_Generic'
