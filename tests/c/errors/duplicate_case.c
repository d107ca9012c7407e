int classify(int n) {
    switch (n) {
    case 1: return 10;
    case 2: return 20;
    case 1: return 30;
    }
    return 0;
}

// expect: 5:5: error: duplicate case value
// expect: 3:5: note: previously used here
