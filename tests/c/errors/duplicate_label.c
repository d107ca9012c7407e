int main(void) {
again:
    ;
again:
    return 0;
}

// expect: 4:1: error: duplicate label 'again'
// expect: 2:1: note: previous definition of 'again' was here
