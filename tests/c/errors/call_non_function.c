int main(void) {
    int count = 3;
    return count(1);
}

// expect: 3:17: error: called object 'count' is not a function or function pointer
