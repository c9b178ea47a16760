// The redactor's word lists and tagger weights, embedded at build time with
// C23 #embed (clang reads the files named here and lists them as dependencies,
// so a changed file rebuilds this one). The files are produced by
// packaging/redaction/derive-lexicons.py and ner-train; see Data/NOTICE.md.
#include "CParleyLexicon.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char given_names[] = {
#embed "Data/given-names.txt"
};
static const unsigned char surnames[] = {
#embed "Data/surnames.txt"
};
static const unsigned char places[] = {
#embed "Data/places.txt"
};
static const unsigned char more_places[] = {
#embed "Data/more-places.txt"
};
static const unsigned char common_words[] = {
#embed "Data/common-words.txt"
};
static const unsigned char ner_weights[] = {
#embed "Data/ner-weights.bin"
};

parley_blob parley_lexicon_blob(parley_blob_id blob) {
    switch (blob) {
    case PARLEY_GIVEN_NAMES: return (parley_blob){ given_names, sizeof given_names };
    case PARLEY_SURNAMES: return (parley_blob){ surnames, sizeof surnames };
    case PARLEY_PLACES: return (parley_blob){ places, sizeof places };
    case PARLEY_COMMON_WORDS: return (parley_blob){ common_words, sizeof common_words };
    case PARLEY_NER_WEIGHTS: return (parley_blob){ ner_weights, sizeof ner_weights };
    case PARLEY_MORE_PLACES: return (parley_blob){ more_places, sizeof more_places };
    }
    return (parley_blob){ 0, 0 };
}
