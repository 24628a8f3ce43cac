package pro.gen.organizations.app.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the embedded binaries when no database is
 * configured. Its data stays in a folder across restarts, so a local run behaves like a
 * deployment: what was acknowledged before a restart is there after it.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Duration STALE_SERVER_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** No local server: the service uses a database it was given. */
    static LocalPostgres none() {
        return new LocalPostgres(null);
    }

    /** Starts (creating on first use) the server whose data lives in the given folder. */
    static LocalPostgres start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopServerLeftBehind(dataDirectory);
            log.info("Starting embedded PostgreSQL with data in [{}]", dataDirectory);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Stopped by the Spring context, after the processors and the pool; a JVM
                    // hook of its own would race them and cut their connections mid-shutdown.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new LocalPostgres(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    Optional<String> jdbcUrl() {
        return Optional.ofNullable(server).map(s -> s.getJdbcUrl("postgres", "postgres"));
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /**
     * A service killed without a chance to stop its server leaves the postmaster running on
     * the data folder, and a second one cannot start there. Once its client, the killed
     * service, is gone it has nothing left to do, so it is asked to shut down.
     */
    private static void stopServerLeftBehind(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
                .findFirst().orElse("").strip();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }

        log.warn("Embedded PostgreSQL [pid {}] from an earlier run is still up; stopping it", pid);
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(STALE_SERVER_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Embedded PostgreSQL [pid " + pid + "] from an earlier"
                    + " run did not stop; stop it and start again", e);
        }
    }
}
