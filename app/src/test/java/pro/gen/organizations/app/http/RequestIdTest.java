package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

class RequestIdTest extends ServiceTest {

    private static final String HEADER = "X-Request-Id";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void everyAnswerCarriesARequestId() {
        TestUser user = api.newUser();

        List<Answer> answers = List.of(
                api.get("/v1/organizations", user),
                api.get("/v1/organizations", null),
                api.get("/v1/nope", user),
                api.get("/v1/organizations/abc", user),
                api.call("PUT", "/v1/organizations", user));

        for (Answer answer : answers) {
            assertThat(answer.header(HEADER)).as("request id on %s", answer.status())
                    .isNotBlank();
        }
    }

    @Test
    void eachRequestGetsItsOwnId() {
        TestUser user = api.newUser();

        String first = api.get("/v1/organizations", user).header(HEADER);
        String second = api.get("/v1/organizations", user).header(HEADER);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aGivenRequestIdIsEchoed() {
        TestUser user = api.newUser();
        String given = "client-" + UUID.randomUUID();

        Answer answer = api.call("GET", "/v1/organizations", user, HEADER, given);
        Answer refused = api.call("GET", "/v1/organizations", null, HEADER, given);

        assertThat(answer.header(HEADER)).isEqualTo(given);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header(HEADER)).isEqualTo(given);
    }

    @Test
    void anUnreasonableRequestIdIsReplaced() {
        TestUser user = api.newUser();

        Answer spaced = api.call("GET", "/v1/organizations", user, HEADER, "has spaces in it");
        Answer longOne = api.call("GET", "/v1/organizations", user, HEADER, "r".repeat(500));

        assertThat(spaced.header(HEADER)).isNotBlank().isNotEqualTo("has spaces in it");
        assertThat(longOne.header(HEADER)).isNotBlank().hasSizeLessThan(500);
    }

    @Test
    void theRequestIdOfARenameIsStoredWithItsEvent() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Traced");

        Answer renamed = api.raw("PATCH", "/v1/organizations/" + id, owner, "application/json",
                "{\"organization\":{\"name\":\"Traced Again\"}}".getBytes(StandardCharsets.UTF_8),
                HEADER, "req-test-123");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.header(HEADER)).isEqualTo("req-test-123");
        assertThat(latestMetadata(id)).contains("req-test-123");
    }

    @Test
    void theRequestIdOfACreateIsStoredWithItsEvents() {
        TestUser owner = api.newUser();
        String requestId = "create-" + UUID.randomUUID();

        Answer created = api.raw("POST", "/v1/organizations", owner, "application/json",
                "{\"organization\":{\"name\":\"Traced From Birth\"}}"
                        .getBytes(StandardCharsets.UTF_8),
                HEADER, requestId);

        long id = created.json().get("organization_id").asLong();
        List<String> metadata = jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8')"
                + " FROM domain_event_entry WHERE aggregate_identifier = ?", String.class,
                Long.toString(id));
        assertThat(metadata).isNotEmpty().allSatisfy(data -> assertThat(data)
                .contains(requestId));
    }

    private String latestMetadata(long id) {
        return jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8')"
                + " FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number DESC LIMIT 1", String.class, Long.toString(id));
    }
}
