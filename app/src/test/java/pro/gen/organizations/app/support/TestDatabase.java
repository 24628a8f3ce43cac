package pro.gen.organizations.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The one PostgreSQL server of a test JVM: an embedded one, or the server named by the
 * system property {@code orgs.test.database-url} (for example the machine's own
 * {@code jdbc:postgresql://127.0.0.1:5432/}). Each test database is created fresh on first
 * use in the JVM.
 *
 * <p>Spring contexts that use it hold a lease; the embedded server stops only when the JVM
 * exits and every lease is returned, so that no context loses its database while closing.
 */
public final class TestDatabase {

    public static final String EXTERNAL_URL_PROPERTY = "orgs.test.database-url";

    private static final long LEASE_WAIT_SECONDS = 30;

    private static EmbeddedPostgres embedded;
    private static String serverUrl;
    private static String user;
    private static final Set<String> created = new HashSet<>();
    private static int leases;

    private TestDatabase() {
    }

    /** The JDBC URL of a database on the shared server, created empty on first use. */
    public static synchronized String url(String database) {
        startServer();
        String url = serverUrl + database;
        if (created.add(database)) {
            recreate(database);
        }
        return url;
    }

    public static synchronized String user() {
        startServer();
        return user;
    }

    static synchronized void acquire() {
        leases++;
    }

    static synchronized void release() {
        leases--;
        TestDatabase.class.notifyAll();
    }

    private static void startServer() {
        if (serverUrl != null) {
            return;
        }
        String external = System.getProperty(EXTERNAL_URL_PROPERTY, "");
        if (!external.isBlank()) {
            serverUrl = external.endsWith("/") ? external : external + "/";
            user = System.getProperty("orgs.test.database-user", "postgres");
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL for tests", e);
        }
        serverUrl = embedded.getJdbcUrl("postgres", "postgres").replaceAll("/postgres.*$", "/");
        user = "postgres";
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopWhenUnused,
                "test-postgres-stopper"));
    }

    private static void stopWhenUnused() {
        synchronized (TestDatabase.class) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LEASE_WAIT_SECONDS);
            while (leases > 0 && System.nanoTime() < deadline) {
                try {
                    TestDatabase.class.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void recreate(String database) {
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, "");
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + database, e);
        }
    }
}
