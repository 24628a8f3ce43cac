package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.ErrorBodies.assertError;
import static pro.gen.organizations.app.support.ErrorBodies.assertInvalidField;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.support.ApiClient;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

class AdminUsersTest extends ServiceTest {

    private static final String USERS = "/v1/admin/users";
    private static final String KEY_PREFIX = "gen_pat_";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void provisioningAnswers201WithTheUserAndAFreshKey() {
        String email = uniqueEmail();

        Answer created = provision(ApiClient.ADMIN_TOKEN, email, "Ada Lovelace");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "email", "name", "api_key",
                "created_at", "created_at_ts");
        assertThat(body.get("id").asLong()).isPositive();
        assertThat(body.get("email").asText()).isEqualTo(email);
        assertThat(body.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(body.get("created_at_ts").asLong())
                .isEqualTo(Instant.parse(body.get("created_at").asText()).toEpochMilli());
        String key = body.get("api_key").asText();
        assertThat(key).startsWith(KEY_PREFIX);
        assertThat(key.substring(KEY_PREFIX.length())).hasSizeGreaterThanOrEqualTo(40)
                .matches("[A-Za-z0-9_-]+");
        Answer me = api.get("/v1/me", TestUser.presenting(key));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asLong()).isEqualTo(body.get("id").asLong());
    }

    @Test
    void everyUserGetsADifferentKey() {
        TestUser first = api.newUser();
        TestUser second = api.newUser();

        assertThat(first.apiKey()).isNotEqualTo(second.apiKey());
        assertThat(first.apiKey().substring(KEY_PREFIX.length(), KEY_PREFIX.length() + 16))
                .isNotEqualTo(second.apiKey().substring(KEY_PREFIX.length(),
                        KEY_PREFIX.length() + 16));
    }

    @Test
    void theKeyIsNotStoredInPlainText() {
        TestUser user = api.newUser();
        api.newOrganization(user, "Keyed");
        String key = user.apiKey();

        long asHash = count("SELECT count(*) FROM api_key WHERE key_hash = convert_to(?, 'UTF8')",
                key);
        long insideHash = count("SELECT count(*) FROM api_key"
                + " WHERE position(convert_to(?, 'UTF8') in key_hash) > 0", key);
        long inKeyRows = count("SELECT count(*) FROM api_key k"
                + " WHERE position(? in row_to_json(k)::text) > 0", key);
        long inUserRows = count("SELECT count(*) FROM app_user u"
                + " WHERE position(? in row_to_json(u)::text) > 0", key);
        long inEvents = count("SELECT count(*) FROM domain_event_entry"
                + " WHERE position(convert_to(?, 'UTF8') in payload) > 0"
                + " OR position(convert_to(?, 'UTF8') in meta_data) > 0", key, key);
        long keyRowsOfUser = count("SELECT count(*) FROM api_key WHERE user_id = ?", user.id());

        assertThat(keyRowsOfUser).isEqualTo(1);
        assertThat(asHash).isZero();
        assertThat(insideHash).isZero();
        assertThat(inKeyRows).isZero();
        assertThat(inUserRows).isZero();
        assertThat(inEvents).isZero();
    }

    @Test
    void aWrongOrMissingAdminTokenIsUnauthorized() {
        String email = uniqueEmail();

        Answer wrong = provision("not-the-token", email, "Mallory");
        Answer prefix = provision(ApiClient.ADMIN_TOKEN + "x", email, "Mallory");
        Answer empty = provision("", email, "Mallory");
        Answer missing = provision(null, email, "Mallory");
        Answer apiKeyInstead = api.send(api.request(USERS, api.newUser())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(userJson(email, "Mallory"))));

        for (Answer answer : List.of(wrong, prefix, empty, missing, apiKeyInstead)) {
            assertError(answer, 401, "unauthorized");
        }
        assertThat(count("SELECT count(*) FROM app_user WHERE lower(email) = lower(?)", email))
                .isZero();
    }

    @Test
    void aDuplicateEmailInAnyCaseIsAValidationError() {
        String email = uniqueEmail();
        assertThat(provision(ApiClient.ADMIN_TOKEN, email, "Original").status()).isEqualTo(201);

        Answer sameCase = provision(ApiClient.ADMIN_TOKEN, email, "Copy");
        Answer upperCase = provision(ApiClient.ADMIN_TOKEN, email.toUpperCase(), "Copy");

        assertInvalidField(sameCase, "user[email]");
        assertInvalidField(upperCase, "user[email]");
        assertThat(count("SELECT count(*) FROM app_user WHERE lower(email) = lower(?)", email))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "plainaddress", "no-domain@", "@example.com",
        "two@@example.com", "a b@example.com", "ada@localhost", "ada@exa mple.com",
        "ada@exa\u0007mple.com"})
    void aMalformedEmailIsAValidationError(String email) {
        Answer created = provision(ApiClient.ADMIN_TOKEN, email, "Malformed");

        assertInvalidField(created, "user[email]");
    }

    @Test
    void aMissingEmailIsAValidationError() {
        Answer created = api.send(api.request(USERS, null)
                .header("X-Admin-Token", ApiClient.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":{\"name\":\"Nobody\"}}")));

        assertInvalidField(created, "user[email]");
    }

    @Test
    void aBlankNameIsAValidationError() {
        Answer created = provision(ApiClient.ADMIN_TOKEN, uniqueEmail(), "  ");

        assertInvalidField(created, "user[name]");
    }

    @Test
    void provisioningAlsoReadsAUrlEncodedForm() {
        String email = uniqueEmail();

        Answer created = api.send(api.request(USERS, null)
                .header("X-Admin-Token", ApiClient.ADMIN_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "user%5Bemail%5D=" + email.replace("@", "%40")
                                + "&user%5Bname%5D=Form+User")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("Form User");
    }

    private Answer provision(String adminToken, String email, String name) {
        HttpRequest.Builder request = api.request(USERS, null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(userJson(email, name)));
        if (adminToken != null) {
            request.header("X-Admin-Token", adminToken);
        }
        return api.send(request);
    }

    private static String userJson(String email, String name) {
        try {
            return JSON.writeValueAsString(Map.of("user", Map.of("email", email, "name", name)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    private static String uniqueEmail() {
        return "admin-test-" + UUID.randomUUID() + "@Example.com";
    }
}
