int main(void) {
    int x = 1;
    int x = 2;
    return x;
}

// expect: 3:9: error: redeclaration of 'x' with no linkage
// expect: 2:9: note: previous declaration of 'x' was here
// expect: 2:9: warning: unused variable 'x'
