#ifndef CPARLEY_LEXICON_H
#define CPARLEY_LEXICON_H

#include <stddef.h>

/// The redactor's data files (Data/), compiled into the binary by the C
/// compiler's #embed: the bytes live in read-only memory, never copied.
typedef struct {
    const unsigned char *bytes;
    size_t count;
} parley_blob;

typedef enum {
    PARLEY_GIVEN_NAMES = 0,
    PARLEY_SURNAMES = 1,
    PARLEY_PLACES = 2,
    PARLEY_COMMON_WORDS = 3,
    PARLEY_NER_WEIGHTS = 4,
    PARLEY_MORE_PLACES = 5,
} parley_blob_id;

/// The bytes of one data file; { NULL, 0 } for an unknown id.
parley_blob parley_lexicon_blob(parley_blob_id blob);

#endif
