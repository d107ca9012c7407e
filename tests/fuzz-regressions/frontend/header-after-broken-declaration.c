h
#include<stdlib.h>