package pro.gen.organizations.app.history;

import pro.gen.organizations.app.web.ApiException;

/** Reads the position or sequence a page starts after; -1 means from the beginning. */
final class Cursors {

    private Cursors() {
    }

    static long parse(String raw, String field) {
        if (!raw.matches("-?[0-9]{1,19}")) {
            throw ApiException.invalidField(field, "must be a whole number");
        }
        try {
            return Math.max(-1, Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "must be a whole number of at most 64 bits");
        }
    }
}
