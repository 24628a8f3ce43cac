package pro.gen.organizations.app.history;

import pro.gen.organizations.app.web.ApiException;

/** Reads a {@code limit} query parameter: a default when absent, a ceiling always. */
final class PageLimits {

    private PageLimits() {
    }

    static int parse(String raw, int defaultLimit, int maxLimit) {
        if (raw == null) {
            return defaultLimit;
        }
        if (!raw.matches("[0-9]{1,9}") || Integer.parseInt(raw) < 1) {
            throw ApiException.invalidField("limit", "must be a whole number from 1 to "
                    + maxLimit);
        }
        return Math.min(Integer.parseInt(raw), maxLimit);
    }
}
