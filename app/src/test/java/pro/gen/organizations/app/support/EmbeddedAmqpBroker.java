package pro.gen.organizations.app.support;

import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener.DefaultSystemLauncherListener;

/**
 * An AMQP 0-9-1 broker in the test JVM (Apache Qpid Broker-J), so that the tests of RabbitMQ
 * publishing need no RabbitMQ. It listens on one port for its whole life, and keeps durable
 * exchanges, queues and persistent messages in Derby under a temporary directory, so they
 * are still there after {@link #stop()} and {@link #start()}, as with a restarted RabbitMQ.
 * The user is {@code guest}/{@code guest}.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    private static final String DERBY_LOG = "derby.stream.error.file";

    private final int port;
    private final Path workDir;
    private final Path initialConfig;
    private SystemLauncher launcher;

    public EmbeddedAmqpBroker() {
        this.port = freePort();
        try {
            this.workDir = Files.createTempDirectory("orgs-qpid");
            this.initialConfig = workDir.resolve("initial-config.json");
            Files.writeString(initialConfig, configuration(workDir.resolve("store")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The URL the service is given, as an operator would write it. */
    public String url() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/";
    }

    public synchronized boolean isRunning() {
        return launcher != null;
    }

    public synchronized void start() {
        if (launcher != null) {
            return;
        }
        if (System.getProperty(DERBY_LOG) == null) {
            // Derby would otherwise leave its derby.log in the module directory.
            System.setProperty(DERBY_LOG, workDir.resolve("derby.log").toString());
        }
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        SystemLauncher starting = new SystemLauncher(new DefaultSystemLauncherListener() {
            @Override
            public void errorOnStartup(RuntimeException e) {
                failure.set(e);
            }
        });
        try {
            // The broker's own configuration is created from the initial one on the first
            // start and read back from config.json on the next.
            starting.startup(Map.of(
                    "type", "JSON",
                    "storePath", workDir.resolve("config.json").toString(),
                    "initialConfigurationLocation", initialConfig.toUri().toString(),
                    "context", Map.of("qpid.work_dir", workDir.toString()),
                    "startupLoggedToSystemOut", false));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded AMQP broker", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Could not start the embedded AMQP broker",
                    failure.get());
        }
        launcher = starting;
        awaitVirtualHost();
    }

    /** The port opens before the virtual host is active; until then logins are refused. */
    private void awaitVirtualHost() {
        ConnectionFactory probe = new ConnectionFactory();
        probe.setHost("127.0.0.1");
        probe.setPort(port);
        probe.setUsername("guest");
        probe.setPassword("guest");
        probe.setAutomaticRecoveryEnabled(false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                probe.newConnection("orgs-test-probe").close();
                return;
            } catch (IOException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The embedded AMQP broker is not ready", e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    /** Stops the broker, closing every connection; what is durable stays on disk. */
    public synchronized void stop() {
        if (launcher != null) {
            launcher.shutdown();
            launcher = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String configuration(Path store) {
        String virtualHost = "{\\\"type\\\":\\\"ProvidedStore\\\"}";
        return """
                {
                  "name": "orgs-test-broker",
                  "modelVersion": "9.0",
                  "authenticationproviders": [{
                    "name": "plain",
                    "type": "Plain",
                    "secureOnlyMechanisms": [],
                    "users": [{"name": "guest", "type": "managed", "password": "guest"}]
                  }],
                  "ports": [{
                    "name": "AMQP",
                    "port": %d,
                    "bindingAddress": "127.0.0.1",
                    "protocols": ["AMQP_0_9_1"],
                    "authenticationProvider": "plain",
                    "virtualhostaliases": [
                      {"name": "nameAlias", "type": "nameAlias"},
                      {"name": "defaultAlias", "type": "defaultAlias"}
                    ]
                  }],
                  "virtualhostnodes": [{
                    "name": "default",
                    "type": "DERBY",
                    "storePath": "%s",
                    "defaultVirtualHostNode": "true",
                    "virtualHostInitialConfiguration": "%s"
                  }]
                }
                """.formatted(port, store.toString().replace("\\", "\\\\"), virtualHost);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
