int main(void) {
    return ({ 1; });
}

// expect: 2:12: error: not supported yet: statement expressions '({ ... })'
