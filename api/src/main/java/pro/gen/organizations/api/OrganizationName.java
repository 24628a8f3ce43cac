package pro.gen.organizations.api;

import pro.gen.organizations.api.refusal.InvalidOrganizationName;

/**
 * The rules for an organization's display name: trimmed of white space (no-break spaces
 * included), 1 to 255 characters, no control characters and no lone surrogates. Any other
 * Unicode is allowed, and two organizations may share a name.
 */
public final class OrganizationName {

    /** The longest name accepted, counted in Unicode code points after trimming. */
    public static final int MAX_LENGTH = 255;

    private OrganizationName() {
    }

    /**
     * Checks a name as a client sent it and returns the form that is stored.
     *
     * @param raw the name as received, possibly with surrounding white space
     * @return the trimmed name
     * @throws InvalidOrganizationName when the name breaks one of the rules
     */
    public static String normalize(String raw) {
        if (raw == null) {
            throw new InvalidOrganizationName("can't be blank");
        }
        String trimmed = trim(raw);
        if (trimmed.codePoints().allMatch(OrganizationName::isInvisible)) {
            throw new InvalidOrganizationName("can't be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new InvalidOrganizationName(
                    "is too long (at most " + MAX_LENGTH + " characters)");
        }
        boolean hasControl = trimmed.codePoints().anyMatch(OrganizationName::isControl);
        if (hasControl) {
            throw new InvalidOrganizationName("must not contain control characters");
        }
        return trimmed;
    }

    /** Strips white space at both ends, including no-break and other Unicode spaces. */
    private static String trim(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.codePointAt(start))) {
            start += Character.charCount(raw.codePointAt(start));
        }
        while (end > start && isSpace(raw.codePointBefore(end))) {
            end -= Character.charCount(raw.codePointBefore(end));
        }
        return raw.substring(start, end);
    }

    /** White space, or a format character such as a zero-width space, which shows nothing. */
    private static boolean isInvisible(int codePoint) {
        return isSpace(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || codePoint == 0x2028
                || codePoint == 0x2029
                || type == Character.SURROGATE;
    }
}
