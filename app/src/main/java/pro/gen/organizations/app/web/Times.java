package pro.gen.organizations.app.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The contract's two forms of a moment: ISO 8601 UTC with milliseconds, and epoch millis. */
final class Times {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }
}
