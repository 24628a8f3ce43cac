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
        if (!raw.matches("0*[1-9][0-9]*")) {
            throw ApiException.invalidField("limit", "must be a positive whole number (pages"
                    + " hold at most " + maxLimit + ")");
        }
        // Asking for more than a page holds is not an error: the page is simply full.
        String digits = raw.replaceFirst("^0+", "");
        return digits.length() > 9 ? maxLimit : Math.min(Integer.parseInt(digits), maxLimit);
    }
}
