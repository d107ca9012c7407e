int main(void) {
    int x = ;
    return x;
}

// expect: 2:13: error: expected expression before ';'
