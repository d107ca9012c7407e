int main(void) {
    const int limit = 10;
    limit = 20;
    return limit;
}

// expect: 3:11: error: assignment of read-only variable 'limit'
