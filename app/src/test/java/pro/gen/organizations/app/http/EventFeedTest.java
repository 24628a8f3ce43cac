package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.http.HistorySteps.events;
import static pro.gen.organizations.app.http.OrganizationSteps.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * The global event feed: every event of every organization, by position, exactly once each
 * for a consumer that always asks with the last {@code next_after}, also while writes commit
 * concurrently.
 */
class EventFeedTest extends ServiceTest {

    private static final int WRITERS = 8;
    private static final int WRITES = 300;
    private static final long TIMEOUT_SECONDS = 120;

    @Autowired
    private JdbcTemplate jdbc;

    private OrganizationSteps orgs;
    private HistorySteps history;

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
        history = new HistorySteps(api);
    }

    @Test
    void pagesFollowEachOtherByNextAfterWithIncreasingPositions() {
        long start = lastPosition();
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Feed Works");
        assertThat(orgs.rename(id, owner, "Feed Works Renamed").status()).isEqualTo(200);
        assertThat(orgs.rename(id, owner, "Feed Works Again").status()).isEqualTo(200);

        Answer first = history.feed("after=" + start + "&limit=2");
        long firstNext = first.json().get("next_after").asLong();
        Answer second = history.feed("after=" + firstNext + "&limit=2");
        long secondNext = second.json().get("next_after").asLong();
        Answer third = history.feed("after=" + secondNext + "&limit=2");
        Answer fourth = history.feed("after=" + third.json().get("next_after").asLong()
                + "&limit=2");

        List<JsonNode> read = new ArrayList<>(events(first));
        read.addAll(events(second));
        read.addAll(events(third));
        assertThat(events(first)).hasSize(2);
        assertThat(firstNext).isEqualTo(positions(events(first)).get(1));
        assertThat(events(second)).hasSize(2);
        assertThat(secondNext).isEqualTo(positions(events(second)).get(1));
        assertThat(events(third)).hasSize(1);
        assertThat(positions(read)).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates()
                .allSatisfy(position -> assertThat(position).isGreaterThan(start));
        assertThat(read).extracting(event -> event.get("type").asText()).containsExactly(
                "OrganizationCreated", "MemberAdded", "SystemAgentProvisioned",
                "OrganizationRenamed", "OrganizationRenamed");
        assertThat(read).allSatisfy(event ->
                assertThat(event.get("organization_id").asLong()).isEqualTo(id));
        assertThat(events(fourth)).isEmpty();
        assertThat(fourth.json().get("next_after").asLong())
                .isEqualTo(third.json().get("next_after").asLong());
    }

    @Test
    void aFeedEventIsTheTrailEventWithItsPositionAndOrganization() {
        long start = lastPosition();
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Mirror Works");
        TestUser member = orgs.newMember(id, owner, "editor");
        assertThat(orgs.changeRole(id, owner, member.id(), "viewer").status()).isEqualTo(200);

        List<JsonNode> feed = events(history.feed("after=" + start));

        List<JsonNode> trail = history.wholeTrail(id, owner);
        assertThat(feed).hasSameSizeAs(trail);
        for (int i = 0; i < feed.size(); i++) {
            ObjectNode withoutPlace = feed.get(i).deepCopy();
            assertThat(withoutPlace.remove("position").asLong()).isGreaterThan(start);
            assertThat(withoutPlace.remove("organization_id").asLong()).isEqualTo(id);
            assertThat(withoutPlace).isEqualTo(trail.get(i));
        }
        assertThat(feed.get(0).get("sequence").asLong()).isZero();
        assertThat(fieldNames(feed.get(0))).containsExactlyInAnyOrder("position", "event_id",
                "organization_id", "sequence", "type", "revision", "occurred_at",
                "occurred_at_ts", "actor_user_id", "request_id", "data");
    }

    @Test
    void withoutAfterTheFeedStartsAtTheFirstEventAndPagesHoldAHundredByDefault() {
        ensureEventsAfter(0, 1001);
        long first = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry",
                Long.class);

        Answer page = history.feed("");

        List<JsonNode> events = events(page);
        assertThat(events).hasSize(100);
        assertThat(events.get(0).get("position").asLong()).isEqualTo(first);
        assertThat(page.json().get("next_after").asLong())
                .isEqualTo(events.get(99).get("position").asLong());
    }

    @Test
    void noPageHoldsMoreThanAThousandEvents() {
        ensureEventsAfter(0, 1001);

        Answer page = history.feed("after=0&limit=5000");

        List<JsonNode> events = events(page);
        assertThat(events).hasSize(1000);
        assertThat(positions(events)).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(page.json().get("next_after").asLong())
                .isEqualTo(events.get(999).get("position").asLong());
    }

    @Test
    void readingTheWholeFeedPageByPageGivesTheEventStoreInOrder() {
        ensureEventsAfter(0, 1001);
        long storedBefore = storedAfter(0).size();

        long nanos = Long.MAX_VALUE;
        List<String> read = List.of();
        for (int pass = 0; pass < 3; pass++) {
            long started = System.nanoTime();
            read = readFeedAfter(0, 1000);
            nanos = Math.min(nanos, System.nanoTime() - started);
        }

        List<String> stored = storedAfter(0);
        assertThat(read.size()).isGreaterThanOrEqualTo((int) storedBefore);
        assertThat(read).containsExactlyElementsOf(stored.subList(0, read.size()));
        report("feed throughput: %d events in %.1f ms (best of 3) over HTTP in pages of 1000,"
                + " %.0f events/s",
                read.size(), nanos / 1e6, read.size() / (nanos / 1e9));
    }

    @Test
    void anAnsweredWriteIsInTheFeedAtTheFirstRead() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Prompt Works");
        long cursor = lastPosition();
        long[] delays = new long[20];

        for (int i = 0; i < delays.length; i++) {
            Answer renamed = orgs.rename(id, owner, "Prompt Works " + i);
            long answered = System.nanoTime();
            Answer page = history.feed("after=" + cursor);
            delays[i] = System.nanoTime() - answered;

            assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
            List<JsonNode> events = events(page);
            assertThat(events).as("events after a rename answered").hasSize(1);
            assertThat(events.get(0).get("data").get("name").asText())
                    .isEqualTo("Prompt Works " + i);
            cursor = page.json().get("next_after").asLong();
        }
        Arrays.sort(delays);
        report("answer-to-feed delay (one feed read after the answer): median %.2f ms,"
                + " max %.2f ms", delays[delays.length / 2] / 1e6,
                delays[delays.length - 1] / 1e6);
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "-1", "abc", "2.5", ""})
    void aLimitThatIsNotAPositiveWholeNumberIsAValidationError(String limit) {
        Answer answer = history.feed("limit=" + limit);

        assertError(answer, 422, "validation_error");
    }

    @ParameterizedTest(name = "after={0}")
    @ValueSource(strings = {"abc", "2.5", "1e3", "99999999999999999999"})
    void anAfterThatIsNotAWholeNumberIsAValidationError(String after) {
        Answer answer = history.feed("after=" + after);

        assertError(answer, 422, "validation_error");
    }

    @Test
    void theFeedWithoutTheAdminTokenIsUnauthorized() {
        TestUser user = api.newUser();

        Answer withApiKey = api.get(HistorySteps.feedPath(""), user);
        Answer wrongToken = api.send(api.request(HistorySteps.feedPath(""), null)
                .header("X-Admin-Token", "not-the-token").GET());

        assertError(withApiKey, 401, "unauthorized");
        assertError(wrongToken, 401, "unauthorized");
    }

    /**
     * Eight writers create and rename organizations over HTTP while a reader tails the feed
     * in small pages. After the writers finish the reader drains the feed; what it saw must be
     * exactly the event store's rows after the start, in index order.
     */
    @Test
    void aTailingReaderSeesEveryEventOnceInOrderWhileWritersCommitConcurrently()
            throws Exception {
        long start = lastPosition();
        List<TestUser> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(api.newUser());
        }
        AtomicBoolean writersDone = new AtomicBoolean();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            Future<Tail> reader = pool.submit(() -> tail(start, writersDone, seenAt));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Answer>>> writes = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writes.add(pool.submit(() -> {
                    go.await();
                    return write(writers.get(writer), writer, answeredAt);
                }));
            }

            long started = System.nanoTime();
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<List<Answer>> write : writes) {
                answers.addAll(write.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            long writing = System.nanoTime() - started;
            writersDone.set(true);
            Tail tail = reader.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            assertThat(answers).hasSize(WRITES).allSatisfy(answer ->
                    assertThat(answer.status()).as(answer.text()).isIn(200, 201));
            List<String> stored = storedAfter(start);
            assertThat(tail.outOfOrder()).as("positions not above the one before").isEmpty();
            assertThat(tail.seen()).containsExactlyElementsOf(stored);
            assertThat(seenAt.keySet()).containsAll(answeredAt.keySet());
            report("concurrent feed: %d writes by %d writers in %.0f ms (%.0f writes/s),"
                    + " %d events, read by the tailing reader in %d pages",
                    WRITES, WRITERS, writing / 1e6, WRITES / (writing / 1e9), stored.size(),
                    tail.pages());
            reportDelays(answeredAt, seenAt);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the tailing reader saw: "position:event_id" in order, and any disorder. */
    private record Tail(List<String> seen, List<String> outOfOrder, int pages) {
    }

    private Tail tail(long start, AtomicBoolean writersDone, Map<String, Long> seenAt)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        List<String> seen = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        long cursor = start;
        long last = start;
        int pages = 0;
        while (System.nanoTime() < deadline) {
            boolean finalRead = writersDone.get();
            Answer page = history.feed("after=" + cursor + "&limit=37");
            pages++;
            List<JsonNode> events = events(page);
            long now = System.nanoTime();
            for (JsonNode event : events) {
                long position = event.get("position").asLong();
                if (position <= last) {
                    outOfOrder.add(position + " after " + last);
                }
                last = position;
                seen.add(position + ":" + event.get("event_id").asText());
                JsonNode name = event.get("data").get("name");
                if (name != null) {
                    seenAt.putIfAbsent(name.asText(), now);
                }
            }
            cursor = page.json().get("next_after").asLong();
            if (events.isEmpty()) {
                if (finalRead) {
                    return new Tail(seen, outOfOrder, pages);
                }
                Thread.sleep(1);
            }
        }
        throw new IllegalStateException("The reader did not drain the feed in time");
    }

    /** One writer's share: creates an organization every tenth write, renames otherwise. */
    private List<Answer> write(TestUser writer, int number, Map<String, Long> answeredAt) {
        List<Answer> answers = new ArrayList<>();
        long organization = 0;
        int share = WRITES / WRITERS + (number < WRITES % WRITERS ? 1 : 0);
        for (int i = 0; i < share; i++) {
            String name = "Feed Race " + number + "." + i;
            Answer answer;
            if (i % 10 == 0) {
                answer = api.json("POST", "/v1/organizations", writer,
                        Map.of("organization", Map.of("name", name)));
                if (answer.status() == 201) {
                    organization = answer.json().get("organization_id").asLong();
                }
            } else {
                answer = orgs.rename(organization, writer, name);
            }
            answeredAt.put(name, System.nanoTime());
            answers.add(answer);
        }
        return answers;
    }

    private void reportDelays(Map<String, Long> answeredAt, Map<String, Long> seenAt) {
        long[] delays = answeredAt.entrySet().stream()
                .mapToLong(answer -> seenAt.get(answer.getKey()) - answer.getValue())
                .sorted().toArray();
        long early = Arrays.stream(delays).filter(delay -> delay < 0).count();
        report("concurrent feed: seen minus answered per write: min %.1f ms, median %.1f ms,"
                + " p95 %.1f ms, max %.1f ms; %d of %d seen before their answer arrived",
                delays[0] / 1e6, delays[delays.length / 2] / 1e6,
                delays[delays.length * 95 / 100] / 1e6, delays[delays.length - 1] / 1e6,
                early, delays.length);
    }

    /** Every "position:event_id" the feed hands out after the position, in pages. */
    private List<String> readFeedAfter(long after, int limit) {
        List<String> read = new ArrayList<>();
        long cursor = after;
        while (true) {
            Answer page = history.feed("after=" + cursor + "&limit=" + limit);
            List<JsonNode> events = events(page);
            if (events.isEmpty()) {
                return read;
            }
            events.forEach(event -> read.add(event.get("position").asLong() + ":"
                    + event.get("event_id").asText()));
            cursor = page.json().get("next_after").asLong();
        }
    }

    private List<String> storedAfter(long start) {
        return jdbc.query("""
                SELECT global_index, event_identifier FROM domain_event_entry
                WHERE global_index > ? ORDER BY global_index
                """, (row, n) -> row.getLong(1) + ":" + row.getString(2), start);
    }

    private long lastPosition() {
        return jdbc.queryForObject(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    /** Writes renames, eight at a time, until the store holds enough events after the index. */
    private void ensureEventsAfter(long index, int wanted) {
        long missing = wanted - jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE global_index > ?", Long.class,
                index);
        if (missing <= 0) {
            return;
        }
        TestUser owner = api.newUser();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            ids.add(api.newOrganization(owner, "Filler " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < missing; i++) {
                long id = ids.get(i % WRITERS);
                String name = "Filler " + i;
                answers.add(pool.submit(() -> orgs.rename(id, owner, name)));
            }
            for (Future<Answer> answer : answers) {
                assertThat(answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not fill the event store", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> positions(List<JsonNode> events) {
        return events.stream().map(event -> event.get("position").asLong()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void report(String format, Object... values) {
        System.out.println("[measure] " + String.format(format, values));
    }
}
