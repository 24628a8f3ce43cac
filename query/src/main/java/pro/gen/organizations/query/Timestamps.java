package pro.gen.organizations.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Conversions between {@link Instant} and PostgreSQL's {@code timestamptz}. */
final class Timestamps {

    private Timestamps() {
    }

    static Timestamp of(Instant instant) {
        return Timestamp.from(instant);
    }

    static Instant read(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }
}
