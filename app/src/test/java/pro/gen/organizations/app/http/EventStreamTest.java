package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.http.HistorySteps.events;
import static pro.gen.organizations.app.http.OrganizationSteps.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.support.ApiClient;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * The event feed as Server-Sent Events: {@code id:} is the position, {@code event:} the
 * type and {@code data:} the feed's event object; {@code Last-Event-ID} resumes after it.
 */
class EventStreamTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 20;

    @Autowired
    private JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService readers = Executors.newCachedThreadPool();

    private OrganizationSteps orgs;
    private HistorySteps history;

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
        history = new HistorySteps(api);
    }

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    /** One event as sent: its id, event name and data lines joined. */
    private record Sent(long id, String event, JsonNode data) {
    }

    @Test
    void withLastEventIdTheStreamResumesAtTheNextPosition() throws Exception {
        long start = lastPosition();
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Stream Works");
        assertThat(orgs.rename(id, owner, "Stream Works Renamed").status()).isEqualTo(200);
        assertThat(orgs.rename(id, owner, "Stream Works Again").status()).isEqualTo(200);
        List<JsonNode> written = events(history.feed("after=" + start));
        assertThat(written).hasSize(5);
        long resumeAfter = written.get(0).get("position").asLong();

        try (Stream<String> lines = open(request().header("Last-Event-ID",
                Long.toString(resumeAfter)))) {
            List<Sent> sent = read(lines, 4);

            assertThat(sent).extracting(Sent::id).containsExactlyElementsOf(
                    positions(written.subList(1, 5)));
            assertThat(sent).extracting(Sent::event).containsExactly("MemberAdded",
                    "SystemAgentProvisioned", "OrganizationRenamed", "OrganizationRenamed");
            assertThat(sent).extracting(Sent::data).containsExactlyElementsOf(
                    written.subList(1, 5));
        }
    }

    @Test
    void withoutLastEventIdTheStreamStartsAfterTheAfterParameter() throws Exception {
        long start = lastPosition();
        TestUser owner = api.newUser();
        api.newOrganization(owner, "Stream After Works");
        List<JsonNode> written = events(history.feed("after=" + start));

        try (Stream<String> lines = open(request("?after=" + start))) {
            List<Sent> sent = read(lines, 3);

            assertThat(sent).extracting(Sent::id).containsExactlyElementsOf(positions(written));
            assertThat(sent).extracting(Sent::data).containsExactlyElementsOf(written);
        }
    }

    @Test
    void lastEventIdWinsOverTheAfterParameter() throws Exception {
        long start = lastPosition();
        TestUser owner = api.newUser();
        api.newOrganization(owner, "Stream Header Works");
        List<JsonNode> written = events(history.feed("after=" + start));
        long resumeAfter = written.get(1).get("position").asLong();

        try (Stream<String> lines = open(request("?after=" + start)
                .header("Last-Event-ID", Long.toString(resumeAfter)))) {
            List<Sent> sent = read(lines, 1);

            assertThat(sent.get(0).id()).isEqualTo(written.get(2).get("position").asLong());
        }
    }

    @Test
    void anEventWrittenWhileConnectedArrivesOnTheOpenStream() throws Exception {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Live Works");
        long start = lastPosition();

        try (Stream<String> lines = open(request().header("Last-Event-ID",
                Long.toString(start)))) {
            Iterator<String> iterator = lines.iterator();
            Answer renamed = orgs.rename(id, owner, "Live Works Renamed");
            long answered = System.nanoTime();
            List<Sent> sent = read(iterator, 1);
            long arrived = System.nanoTime();

            assertThat(renamed.status()).isEqualTo(200);
            assertThat(sent.get(0).id()).isGreaterThan(start);
            assertThat(sent.get(0).event()).isEqualTo("OrganizationRenamed");
            assertThat(sent.get(0).data().get("organization_id").asLong()).isEqualTo(id);
            assertThat(sent.get(0).data().get("data").get("name").asText())
                    .isEqualTo("Live Works Renamed");
            EventFeedTest.report("answer-to-stream delay: %.1f ms", (arrived - answered) / 1e6);
        }
    }

    @Test
    void anUpToDateClientGetsTheAnswerAtOnceAsAnEventStream() throws Exception {
        HttpRequest upToDate = request().header("Last-Event-ID", Long.toString(lastPosition()))
                .timeout(Duration.ofSeconds(5)).build();

        HttpResponse<Stream<String>> response = http.send(upToDate,
                HttpResponse.BodyHandlers.ofLines());
        response.body().close();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/event-stream");
    }

    @Test
    void theStreamWithoutTheAdminTokenIsUnauthorized() {
        Answer answer = api.send(api.request("/v1/admin/events/stream", null)
                .header("Accept", "text/event-stream").GET());

        assertError(answer, 401, "unauthorized");
    }

    @Test
    void aLastEventIdThatIsNotAPositionIsAValidationError() {
        Answer answer = api.send(api.request("/v1/admin/events/stream", null)
                .header("X-Admin-Token", ApiClient.ADMIN_TOKEN)
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", "yesterday").GET());

        assertError(answer, 422, "validation_error");
    }

    private HttpRequest.Builder request() {
        return request("");
    }

    private HttpRequest.Builder request(String query) {
        return api.request("/v1/admin/events/stream" + query, null)
                .header("X-Admin-Token", ApiClient.ADMIN_TOKEN)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    private Stream<String> open(HttpRequest.Builder request) throws Exception {
        HttpResponse<Stream<String>> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private List<Sent> read(Stream<String> lines, int count) throws Exception {
        return read(lines.iterator(), count);
    }

    /** Reads the next events off the stream, giving up after a while. */
    private List<Sent> read(Iterator<String> lines, int count) throws Exception {
        Future<List<Sent>> reading = readers.submit(() -> {
            List<Sent> sent = new ArrayList<>();
            Long id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            while (sent.size() < count && lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        sent.add(new Sent(id, event, parse(data.toString())));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(value(line));
                } else if (line.startsWith("event:")) {
                    event = value(line);
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(value(line));
                }
            }
            return sent;
        });
        List<Sent> sent = reading.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(sent).as("events read off the stream").hasSize(count);
        return sent;
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> positions(List<JsonNode> events) {
        return events.stream().map(event -> event.get("position").asLong()).toList();
    }

    private long lastPosition() {
        return jdbc.queryForObject(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }
}
