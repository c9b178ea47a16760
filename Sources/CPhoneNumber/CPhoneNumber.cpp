// The one place Parley calls libphonenumber (C++), behind a C function that
// Swift can import. No exception crosses into Swift, and the library's logger
// is silenced so no number ever reaches a log.
#include "CPhoneNumber.h"

#include <string>

#include "phonenumbers/logger.h"
#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"

using i18n::phonenumbers::NullLogger;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

const PhoneNumberUtil *Utility() {
    // Initialised once, thread-safely (C++11 function-local static).
    static const PhoneNumberUtil *const utility = [] {
        PhoneNumberUtil *instance = PhoneNumberUtil::GetInstance();
        instance->SetLogger(new NullLogger());
        return instance;
    }();
    return utility;
}

int Classify(const PhoneNumberUtil *utility, const std::string &text, const std::string &region) {
    PhoneNumber parsed;
    if (utility->Parse(text, region, &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) {
        return PARLEY_PHONE_IMPOSSIBLE;
    }
    if (utility->IsValidNumber(parsed)) {
        return PARLEY_PHONE_VALID;
    }
    return utility->IsPossibleNumber(parsed) ? PARLEY_PHONE_POSSIBLE : PARLEY_PHONE_IMPOSSIBLE;
}

}  // namespace

extern "C" int parley_phone_classify(const char *number, size_t length, const char *regions, size_t region_count) {
    if (number == nullptr || length == 0 || length > 32) {
        return PARLEY_PHONE_IMPOSSIBLE;
    }
    try {
        const PhoneNumberUtil *utility = Utility();
        const std::string text(number, length);
        if (number[0] == '+') {
            return Classify(utility, text, "ZZ");
        }
        int best = PARLEY_PHONE_IMPOSSIBLE;
        for (size_t index = 0; index < region_count && regions != nullptr; ++index) {
            const int result = Classify(utility, text, std::string(regions + 2 * index, 2));
            if (result == PARLEY_PHONE_VALID) {
                return result;
            }
            if (result > best) {
                best = result;
            }
        }
        return best;
    } catch (...) {
        return -1;
    }
}
