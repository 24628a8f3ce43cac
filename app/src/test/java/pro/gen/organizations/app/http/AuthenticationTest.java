package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.ErrorBodies.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pro.gen.organizations.app.support.ApiClient;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

class AuthenticationTest extends ServiceTest {

    @Test
    void everyKindOfBadKeyGetsTheSame401() {
        TestUser real = api.newUser();
        String key = real.apiKey();
        List<Answer> answers = new ArrayList<>();

        answers.add(api.get("/v1/organizations", null));
        answers.add(api.call("GET", "/v1/organizations", null, "X-API-Key", ""));
        answers.add(api.get("/v1/organizations", TestUser.presenting("gen_pat_unknown")));
        answers.add(api.get("/v1/organizations", TestUser.presenting(
                key.substring(0, key.length() - 1) + flip(key.charAt(key.length() - 1)))));
        answers.add(api.get("/v1/organizations", TestUser.presenting(
                key.substring(0, 24) + "x".repeat(key.length() - 24))));
        answers.add(api.get("/v1/organizations", TestUser.presenting(
                key.substring(0, key.length() - 1))));
        answers.add(api.get("/v1/organizations", TestUser.presenting(key + "x")));
        answers.add(api.get("/v1/organizations", TestUser.presenting(key.toUpperCase())));
        answers.add(api.get("/v1/organizations", TestUser.presenting(" " + key + "x")));
        answers.add(api.get("/v1/organizations", TestUser.presenting("k".repeat(10 * 1024))));

        JsonNode first = assertError(answers.get(0), 401, "unauthorized");
        for (Answer answer : answers) {
            assertThat(assertError(answer, 401, "unauthorized")).isEqualTo(first);
        }
    }

    @Test
    void aBadKeyIsRefusedBeforeAnyLookup() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Behind The Door");
        TestUser stranger = TestUser.presenting("gen_pat_" + "z".repeat(43));

        List<Answer> answers = List.of(
                api.get("/v1/organizations/" + id, stranger),
                api.get("/v1/organizations/999999999999", stranger),
                api.get("/v1/organizations/abc", stranger),
                api.json("PATCH", "/v1/organizations/" + id, stranger,
                        Map.of("organization", Map.of("name", "Taken"))),
                api.delete("/v1/organizations/" + id, stranger),
                api.json("POST", "/v1/organizations", stranger,
                        Map.of("organization", Map.of("name", "Sneaky"))),
                api.raw("POST", "/v1/organizations", stranger, "application/json",
                        "{broken".getBytes(StandardCharsets.UTF_8)),
                api.get("/v1/me", null));

        for (Answer answer : answers) {
            assertError(answer, 401, "unauthorized");
        }
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Behind The Door");
    }

    @Test
    void theAdminTokenIsNotAnApiKey() {
        TestUser admin = TestUser.presenting(ApiClient.ADMIN_TOKEN);

        Answer answer = api.get("/v1/organizations", admin);

        assertError(answer, 401, "unauthorized");
    }

    @Test
    void meDescribesTheCaller() {
        TestUser user = api.newUser();

        Answer me = api.get("/v1/me", user);

        assertThat(me.status()).isEqualTo(200);
        JsonNode body = me.json();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "email", "name", "created_at",
                "created_at_ts");
        assertThat(body.get("id").asLong()).isEqualTo(user.id());
        assertThat(body.get("email").asText()).isEqualTo(user.email());
        assertThat(body.get("name").asText()).isEqualTo("Test User");
        assertThat(body.get("created_at_ts").asLong())
                .isEqualTo(Instant.parse(body.get("created_at").asText()).toEpochMilli());
        assertThat(me.text()).doesNotContain("api_key", user.apiKey());
    }

    @Test
    void twoUsersEachSeeThemselves() {
        TestUser ada = api.newUser();
        TestUser grace = api.newUser();

        long adaId = api.get("/v1/me", ada).json().get("id").asLong();
        long graceId = api.get("/v1/me", grace).json().get("id").asLong();

        assertThat(adaId).isEqualTo(ada.id());
        assertThat(graceId).isEqualTo(grace.id());
    }

    private static char flip(char c) {
        return c == 'a' ? 'b' : 'a';
    }
}
