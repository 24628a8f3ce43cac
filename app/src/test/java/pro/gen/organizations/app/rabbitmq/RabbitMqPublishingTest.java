package pro.gen.organizations.app.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.OrganizationsApplication;
import pro.gen.organizations.app.rabbitmq.TestConsumer.Received;
import pro.gen.organizations.app.support.ApiClient;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.EmbeddedAmqpBroker;
import pro.gen.organizations.app.support.TestDatabase;
import pro.gen.organizations.app.support.TestDatabaseLease;

/**
 * The service with a RabbitMQ URL, against an AMQP broker in the test JVM: what each message
 * looks like, that the service starts and writes while the broker is away, and that a
 * broker restart in the middle of a burst of writes costs no event.
 */
class RabbitMqPublishingTest {

    private static final String DATABASE = "orgs_rabbit";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(90);

    private static EmbeddedAmqpBroker broker;
    private static TestConsumer consumer;
    private static ConfigurableApplicationContext service;
    private static ApiClient api;
    private static JdbcTemplate jdbc;

    private static Answer writtenWithoutBroker;
    private static long writtenWithoutBrokerMillis;

    @BeforeAll
    static void startServiceBeforeTheBroker() throws Exception {
        broker = new EmbeddedAmqpBroker();
        // The consumer's durable queue is bound once; then the broker is away while the
        // service starts and takes a write.
        broker.start();
        consumer = TestConsumer.connect(broker.port());
        broker.stop();

        service = new SpringApplicationBuilder(OrganizationsApplication.class,
                TestDatabaseLease.class)
                .run("--server.port=0",
                        "--orgs.database.url=" + TestDatabase.url(DATABASE),
                        "--orgs.database.user=" + TestDatabase.user(),
                        "--orgs.admin-token=" + ApiClient.ADMIN_TOKEN,
                        "--orgs.rabbitmq.url=" + broker.url(),
                        "--orgs.rabbitmq.confirm-timeout-ms=3000",
                        "--logging.level.org.apache.qpid=WARN",
                        "--logging.level.qpid=WARN",
                        "--logging.level.org.apache.derby=WARN");
        api = new ApiClient(((WebServerApplicationContext) service).getWebServer().getPort());
        jdbc = service.getBean(JdbcTemplate.class);

        TestUser owner = api.newUser();
        long start = System.nanoTime();
        writtenWithoutBroker = api.json("POST", "/v1/organizations", owner,
                Map.of("organization", Map.of("name", "Written while the broker is away")));
        writtenWithoutBrokerMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        broker.start();
    }

    @AfterAll
    static void stopAll() throws IOException {
        if (service != null) {
            service.close();
        }
        if (consumer != null) {
            consumer.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void brokerIsBack() {
        broker.start();
    }

    @Test
    void theServiceStartsAndWritesWithoutTheBrokerAndPublishesOnceItIsThere() {
        assertThat(writtenWithoutBroker.status()).isEqualTo(201);
        assertThat(writtenWithoutBrokerMillis).isLessThan(2000);

        long id = writtenWithoutBroker.json().get("organization_id").asLong();
        awaitPublished(eventIds(id));
    }

    @Test
    void everyEventArrivesWithItsRoutingKeyIdBodyAndPersistence() throws IOException {
        TestUser owner = api.newUser();
        TestUser member = api.newUser();
        long id = api.newOrganization(owner, "Published Ltd");
        String members = "/v1/organizations/" + id + "/members";
        assertThat(api.json("PATCH", "/v1/organizations/" + id, owner,
                Map.of("organization", Map.of("name", "Published & Renamed Ltd 🚀"))).status())
                .isEqualTo(200);
        assertThat(api.json("POST", members, owner,
                Map.of("member", Map.of("user_id", member.id(), "role", "editor"))).status())
                .isEqualTo(201);
        assertThat(api.json("PATCH", members + "/" + member.id(), owner,
                Map.of("member", Map.of("role", "viewer"))).status()).isEqualTo(200);
        assertThat(api.delete(members + "/" + member.id(), owner).status()).isEqualTo(200);
        assertThat(api.delete("/v1/organizations/" + id, owner).status()).isEqualTo(200);

        List<JsonNode> feed = feedOf(id);
        assertThat(feed).extracting(event -> event.get("type").asText()).contains(
                "OrganizationCreated", "OrganizationRenamed", "MemberAdded",
                "MemberRoleChanged", "MemberRemoved", "OrganizationDeleted");
        awaitPublished(eventIds(id));

        Map<String, Received> firstArrivals = firstArrivals();
        for (JsonNode event : feed) {
            Received message = firstArrivals.get(event.get("event_id").asText());
            assertThat(message.exchange()).isEqualTo("organizations.events");
            assertThat(message.routingKey())
                    .isEqualTo("organization." + event.get("type").asText());
            assertThat(message.contentType()).isEqualTo("application/json");
            assertThat(message.deliveryMode())
                    .isEqualTo(MessageDeliveryMode.toInt(MessageDeliveryMode.PERSISTENT));
            assertThat(JSON.readTree(message.body())).isEqualTo(event);
        }
        assertInOrderPerOrganization(Set.of(id));
    }

    @Test
    void aBrokerRestartInTheMiddleOfABurstOfWritesLosesNoEvent() throws Exception {
        TestUser owner = api.newUser();
        List<Long> organizations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            organizations.add(api.newOrganization(owner, "Burst " + i));
        }
        List<Long> writeMillis = new ArrayList<>();
        List<Long> writeMillisWhileAway = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        AtomicBoolean brokerAway = new AtomicBoolean();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> burst = writer.submit(() -> {
            for (int i = 0; writing.get(); i++) {
                long id = organizations.get(i % organizations.size());
                boolean away = brokerAway.get();
                long start = System.nanoTime();
                Answer answer = api.json("PATCH", "/v1/organizations/" + id, owner,
                        Map.of("organization", Map.of("name", "Burst write " + i)));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                synchronized (statuses) {
                    statuses.add(answer.status());
                    writeMillis.add(millis);
                    if (away && brokerAway.get()) {
                        writeMillisWhileAway.add(millis);
                    }
                }
            }
        });
        try {
            await(() -> count(statuses) >= 30, Duration.ofSeconds(30));
            broker.stop();
            brokerAway.set(true);
            int before = count(statuses);
            await(() -> count(statuses) >= before + 40, Duration.ofSeconds(30));
            brokerAway.set(false);
            broker.start();
            int after = count(statuses);
            await(() -> count(statuses) >= after + 30, Duration.ofSeconds(30));
        } finally {
            writing.set(false);
            burst.get(30, TimeUnit.SECONDS);
            writer.shutdown();
        }

        synchronized (statuses) {
            assertThat(statuses).allMatch(status -> status == 200);
            assertThat(writeMillisWhileAway).hasSizeGreaterThanOrEqualTo(39);
            assertThat(writeMillisWhileAway).allMatch(millis -> millis < 2000);
            System.out.printf("Burst: %d writes, %d while the broker was away;"
                            + " write time p50 %d ms, max %d ms (while away: max %d ms)%n",
                    statuses.size(), writeMillisWhileAway.size(), percentile(writeMillis, 50),
                    percentile(writeMillis, 100), percentile(writeMillisWhileAway, 100));
        }
        List<String> stored = jdbc.queryForList(
                "SELECT event_identifier FROM domain_event_entry", String.class);
        awaitPublished(stored);
        assertInOrderPerOrganization(new HashSet<>(organizations));
    }

    @Test
    void anEventArrivesSoonAfterItsWriteIsAnswered() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Latency");
        Map<String, Long> answeredNanos = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            Answer answer = api.json("PATCH", "/v1/organizations/" + id, owner,
                    Map.of("organization", Map.of("name", "Latency " + i)));
            long answered = System.nanoTime();
            assertThat(answer.status()).isEqualTo(200);
            answeredNanos.put(latestEventId(id), answered);
        }
        awaitPublished(answeredNanos.keySet());

        Map<String, Received> firstArrivals = firstArrivals();
        List<Long> micros = new ArrayList<>();
        answeredNanos.forEach((eventId, answered) -> micros.add(TimeUnit.NANOSECONDS.toMicros(
                firstArrivals.get(eventId).arrivedNanos() - answered)));
        System.out.printf("From write answered to event at a consumer, over %d events:"
                        + " p50 %d µs, p90 %d µs, max %d µs (negative: it arrived first)%n",
                micros.size(), percentile(micros, 50), percentile(micros, 90),
                percentile(micros, 100));
        assertThat(percentile(micros, 50)).isLessThan(TimeUnit.SECONDS.toMicros(1));
    }

    private static List<JsonNode> feedOf(long organizationId) {
        List<JsonNode> events = new ArrayList<>();
        long after = -1;
        while (true) {
            Answer page = api.send(HttpRequest.newBuilder(
                            api.uri("/v1/admin/events?limit=1000&after=" + after))
                    .header("X-Admin-Token", ApiClient.ADMIN_TOKEN).GET());
            assertThat(page.status()).isEqualTo(200);
            JsonNode body = page.json();
            if (body.get("events").isEmpty()) {
                return events;
            }
            for (JsonNode event : body.get("events")) {
                if (event.get("organization_id").asLong() == organizationId) {
                    events.add(event);
                }
            }
            after = body.get("next_after").asLong();
        }
    }

    private static List<String> eventIds(long organizationId) {
        return jdbc.queryForList("""
                SELECT event_identifier FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number
                """, String.class, Long.toString(organizationId));
    }

    private static String latestEventId(long organizationId) {
        return jdbc.queryForObject("""
                SELECT event_identifier FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1
                """, String.class, Long.toString(organizationId));
    }

    private static void awaitPublished(Collection<String> eventIds) {
        Set<String> missing = new HashSet<>(eventIds);
        Awaitility.await("events received from the broker").atMost(DELIVERY_WAIT)
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> {
                    consumer.received().forEach(message -> missing.remove(message.messageId()));
                    assertThat(missing).isEmpty();
                });
    }

    /** Without repeats, each organization's events arrive by increasing sequence number. */
    private static void assertInOrderPerOrganization(Set<Long> organizationIds)
            throws IOException {
        Map<Long, List<Long>> sequences = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Received message : consumer.received()) {
            if (!seen.add(message.messageId())) {
                continue;
            }
            JsonNode event = JSON.readTree(message.body());
            long organization = event.get("organization_id").asLong();
            if (organizationIds.contains(organization)) {
                sequences.computeIfAbsent(organization, key -> new ArrayList<>())
                        .add(event.get("sequence").asLong());
            }
        }
        assertThat(sequences.keySet()).isEqualTo(organizationIds);
        sequences.values().forEach(list -> assertThat(list).isSorted().doesNotHaveDuplicates());
    }

    private static Map<String, Received> firstArrivals() {
        Map<String, Received> first = new HashMap<>();
        for (Received message : consumer.received()) {
            first.putIfAbsent(message.messageId(), message);
        }
        return first;
    }

    private static int count(List<Integer> statuses) {
        synchronized (statuses) {
            return statuses.size();
        }
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static void await(BooleanSupplier condition, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                .until(condition::getAsBoolean);
    }
}
