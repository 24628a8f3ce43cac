package pro.gen.organizations.app.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of the service and their API keys, in PostgreSQL. Users are not event sourced:
 * they normally come from an identity provider, and this directory stands in for one.
 */
@Component
public class UserDirectory {

    private static final String SELECT_USER = "SELECT u.id, u.email, u.name, u.created_at"
            + " FROM app_user u ";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public UserDirectory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new user with their first API key; the key is returned once and never stored. */
    public record Provisioned(User user, String apiKey) {
    }

    /** The email address belongs to someone already, whatever its case. */
    public static final class EmailTaken extends RuntimeException {
        EmailTaken() {
            super("Email has already been taken.", null, false, false);
        }
    }

    @Transactional
    public Provisioned provision(String email, String name) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Long id;
        try {
            id = jdbc.queryForObject("""
                    INSERT INTO app_user (email, name, created_at) VALUES (?, ?, ?) RETURNING id
                    """, Long.class, email, name, Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw new EmailTaken();
        }

        String apiKey = Secrets.newApiKey();
        jdbc.update("INSERT INTO api_key (user_id, key_hash, created_at) VALUES (?, ?, ?)",
                id, Secrets.digest(apiKey), Timestamp.from(now));
        return new Provisioned(new User(id, email, name, now), apiKey);
    }

    /**
     * The user whose key this is, when the key is known, not revoked and not expired. The
     * lookup goes by the key's digest, so timing can only tell about digests, which reveal
     * nothing of any key; the final comparison is in constant time all the same.
     */
    public Optional<User> findByApiKey(String apiKey) {
        byte[] digest = Secrets.digest(apiKey);
        return jdbc.query("""
                SELECT u.id, u.email, u.name, u.created_at, k.key_hash
                FROM api_key k JOIN app_user u ON u.id = k.user_id
                WHERE k.key_hash = ? AND k.revoked_at IS NULL
                  AND (k.expires_at IS NULL OR k.expires_at > now())
                """, (row, n) -> Map.entry(user(row, n), row.getBytes("key_hash")), digest)
                .stream()
                .filter(found -> Secrets.sameSecret(apiKey, found.getValue()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public Optional<User> findById(long id) {
        return jdbc.query(SELECT_USER + "WHERE u.id = ?", UserDirectory::user, id)
                .stream().findFirst();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.query(SELECT_USER + "WHERE lower(u.email) = lower(?)", UserDirectory::user,
                email).stream().findFirst();
    }

    private static User user(ResultSet row, int rowNumber) throws SQLException {
        return new User(row.getLong("id"), row.getString("email"), row.getString("name"),
                row.getTimestamp("created_at").toInstant());
    }
}
