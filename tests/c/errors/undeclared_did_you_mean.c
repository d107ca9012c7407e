int main(void) {
    int count = 0;
    cout = 1;
    return count;
}

// expect: 3:5: error: 'cout' undeclared (first use in this function); did you mean 'count'?
