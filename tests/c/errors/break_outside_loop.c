int main(void) {
    break;
    return 0;
}

// expect: 2:5: error: break statement not within loop or switch
