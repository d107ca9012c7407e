int main(int argc, char **argv) {
    switch (argc) {
    case 1:
        continue;
    }
    return 0;
}

// expect: 4:9: error: continue statement not within a loop
