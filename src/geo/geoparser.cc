#include "geo/geoparser.h"
