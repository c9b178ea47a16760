#ifndef PARLEY_CPHONENUMBER_H
#define PARLEY_CPHONENUMBER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What Google's libphonenumber says of a number.
enum {
    /// Not a telephone number of any region asked about (or not parseable).
    PARLEY_PHONE_IMPOSSIBLE = 0,
    /// Of a possible length for a region, but in no assigned range.
    PARLEY_PHONE_POSSIBLE = 1,
    /// A valid number: right length and inside a range the metadata assigns.
    PARLEY_PHONE_VALID = 2,
};

/// Classifies `number` (`length` bytes of ASCII: an optional leading '+' then
/// digits only, no separators). With a '+' the country calling code decides;
/// without one the number is read as a national number of each region in
/// `regions` (`region_count` two-letter ISO codes back to back, "USGBDE") and
/// the best answer wins. Returns a PARLEY_PHONE_* value, or -1 when the
/// library failed internally. Thread-safe; logs nothing.
int parley_phone_classify(const char *number, size_t length, const char *regions, size_t region_count);

#ifdef __cplusplus
}
#endif

#endif
