package pro.gen.organizations.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import pro.gen.organizations.app.support.TestDatabase;

/**
 * Appends to the event store take their global index one transaction at a time: an append
 * waits while another one is open, so indexes are handed out in commit order and a reader
 * never sees an index above one that may still commit. The appends here roll back and so
 * leave gaps in the global index; they run on a database of their own, migrated like the
 * service's, so that the service's event store keeps an index without gaps.
 */
class EventAppendOrderTest {

    private static final long TIMEOUT_SECONDS = 10;

    private static DataSource dataSource;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        dataSource = new DriverManagerDataSource(TestDatabase.url("orgs_append_order"),
                TestDatabase.user(), "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void anAppendWaitsForTheOpenAppendBeforeItAndTakesAHigherIndex() throws Exception {
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Connection first = dataSource.getConnection();
             Connection later = dataSource.getConnection()) {
            first.setAutoCommit(false);
            later.setAutoCommit(false);
            long laterPid = backendPid(later);
            long firstIndex = append(first);

            Future<Long> laterIndex = second.submit(() -> append(later));
            boolean laterWaited = waitsForAdvisoryLock(laterPid);
            boolean doneBeforeFirstEnded = laterIndex.isDone();
            first.rollback();
            long taken = laterIndex.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            later.rollback();

            assertThat(laterWaited).as("the later append waits for the advisory lock").isTrue();
            assertThat(doneBeforeFirstEnded).isFalse();
            assertThat(taken).isGreaterThan(firstIndex);
        } finally {
            second.shutdownNow();
        }
    }

    @Test
    void everyAppendToTheEventTableTakesTheLock() {
        Long triggers = jdbc.queryForObject("""
                SELECT count(*) FROM information_schema.triggers
                WHERE event_object_table = 'domain_event_entry'
                  AND event_manipulation = 'INSERT' AND action_timing = 'BEFORE'
                  AND action_orientation = 'STATEMENT'
                """, Long.class);

        assertThat(triggers).isEqualTo(1);
    }

    private static long append(Connection connection) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type,
                    time_stamp)
                VALUES (?, 0, 'Organization', ?, ?, ?, '1', 'append.order.Probe', ?)
                RETURNING global_index
                """)) {
            insert.setString(1, "append-order-" + id);
            insert.setString(2, id);
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setString(5, "2026-03-01T12:00:00.000Z");
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Whether the backend comes to wait for an advisory lock within the timeout. */
    private static boolean waitsForAdvisoryLock(long pid) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS))
                    .pollInterval(Duration.ofMillis(2))
                    .until(() -> jdbc.queryForObject("""
                            SELECT count(*) FROM pg_locks
                            WHERE pid = ? AND locktype = 'advisory' AND NOT granted
                            """, Long.class, (int) pid) > 0);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
