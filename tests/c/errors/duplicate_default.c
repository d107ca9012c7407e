int classify(int n) {
    switch (n) {
    default: return 1;
    default: return 2;
    }
}

// expect: 4:5: error: multiple default labels in one switch
// expect: 3:5: note: this is the first default label
