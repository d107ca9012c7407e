int main(void) {
    integer count = 0;
    return 0;
}

// expect: 2:5: error: unknown type name 'integer'
// expect: 2:13: warning: unused variable 'count'
