package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.ErrorBodies.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.BodyForm;
import pro.gen.organizations.app.support.ServiceTest;

class OrganizationEndpointsTest extends ServiceTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void listIsEmptyForAUserWithoutOrganizations() {
        TestUser user = api.newUser();

        Answer list = api.get("/v1/organizations", user);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("application/json");
        assertThat(list.text()).isEqualTo("[]");
    }

    @Test
    void listShowsTheCallersOrganizationsInAscendingIdOrder() {
        TestUser owner = api.newUser();
        TestUser someoneElse = api.newUser();
        long first = api.newOrganization(owner, "First");
        api.newOrganization(someoneElse, "Not Mine");
        long second = api.newOrganization(owner, "Second");
        long third = api.newOrganization(owner, "Third");

        Answer list = api.get("/v1/organizations", owner);

        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list.json())).containsExactly(first, second, third);
        assertThat(list.json().findValuesAsText("name")).containsExactly("First", "Second",
                "Third");
    }

    @Test
    void theViewHasEveryFieldOfTheContractInItsShape() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Shape Check");

        JsonNode view = api.get("/v1/organizations/" + id, owner).json();

        List<String> fields = new ArrayList<>();
        view.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "uuid", "organization_id", "name",
                "avatar", "user_role", "credit", "available_credit", "total_members",
                "credit_plan", "created_at", "updated_at", "created_at_ts", "updated_at_ts");
        assertThat(view.get("id").isIntegralNumber()).isTrue();
        assertThat(view.get("id").asLong()).isEqualTo(id).isPositive();
        assertThat(view.get("organization_id").isIntegralNumber()).isTrue();
        assertThat(view.get("organization_id").asLong()).isEqualTo(id);
        assertThat(UUID.fromString(view.get("uuid").asText()).toString())
                .isEqualTo(view.get("uuid").asText());
        assertThat(view.get("name").asText()).isEqualTo("Shape Check");
        assertThat(view.get("avatar").isObject()).isTrue();
        assertThat(view.get("avatar").has("url")).isTrue();
        assertThat(view.get("avatar").get("url").isNull()).isTrue();
        assertThat(view.get("avatar").has("thumbnail_url")).isTrue();
        assertThat(view.get("avatar").get("thumbnail_url").isNull()).isTrue();
        assertThat(view.get("user_role").asText()).isEqualTo("owner");
        assertThat(view.get("credit").isTextual()).isTrue();
        assertThat(view.get("credit").asText()).isEqualTo("0.0");
        assertThat(view.get("available_credit").get("generic").asText()).isEqualTo("0.0");
        assertThat(view.get("available_credit").get("aura").asText()).isEqualTo("0.0");
        assertThat(view.get("total_members").asInt()).isEqualTo(1);
        assertThat(view.has("credit_plan")).isTrue();
        assertThat(view.get("credit_plan").isNull()).isTrue();
        assertTimestamp(view, "created_at");
        assertTimestamp(view, "updated_at");
    }

    @Test
    void listAndSingleViewShowTheSameOrganization() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Same Everywhere");

        JsonNode single = api.get("/v1/organizations/" + id, owner).json();
        JsonNode listed = api.get("/v1/organizations", owner).json().get(0);

        assertThat(listed).isEqualTo(single);
    }

    @ParameterizedTest
    @EnumSource(BodyForm.class)
    void createAnswers201WithTheNewIdAndItsLocation(BodyForm form) {
        TestUser owner = api.newUser();

        Answer created = form.send(api, "POST", "/v1/organizations", owner, "Created " + form);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/json");
        long id = created.json().get("organization_id").asLong();
        assertThat(created.json().size()).isEqualTo(1);
        assertThat(id).isPositive();
        assertThat(created.header("Location")).isEqualTo("/v1/organizations/" + id);
        Answer fetched = api.get("/v1/organizations/" + id, owner);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("name").asText()).isEqualTo("Created " + form);
        assertThat(fetched.json().get("user_role").asText()).isEqualTo("owner");
    }

    @ParameterizedTest
    @EnumSource(BodyForm.class)
    void renameAnswersTheIdAndChangesTheName(BodyForm form) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Before Rename");

        Answer renamed = form.send(api, "PATCH", "/v1/organizations/" + id, owner,
                "Renamed " + form);

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("organization_id").asLong()).isEqualTo(id);
        assertThat(renamed.json().size()).isEqualTo(1);
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Renamed " + form);
    }

    @Test
    void renameMovesUpdatedAtAndKeepsIdentityAndCreatedAt() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Old Name");
        JsonNode before = api.get("/v1/organizations/" + id, owner).json();

        api.json("PATCH", "/v1/organizations/" + id, owner,
                Map.of("organization", Map.of("name", "New Name")));

        JsonNode after = api.get("/v1/organizations/" + id, owner).json();
        assertThat(after.get("uuid")).isEqualTo(before.get("uuid"));
        assertThat(after.get("created_at")).isEqualTo(before.get("created_at"));
        assertThat(after.get("created_at_ts")).isEqualTo(before.get("created_at_ts"));
        assertThat(after.get("updated_at_ts").asLong())
                .isGreaterThanOrEqualTo(before.get("updated_at_ts").asLong());
        assertThat(eventCount(id)).isGreaterThan(1);
    }

    @ParameterizedTest
    @EnumSource(BodyForm.class)
    void patchWithNothingToChangeAnswers200AndRecordsNothing(BodyForm form) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Untouched");
        JsonNode before = api.get("/v1/organizations/" + id, owner).json();
        int events = eventCount(id);

        Answer patched = form.send(api, "PATCH", "/v1/organizations/" + id, owner, null);

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("organization_id").asLong()).isEqualTo(id);
        assertThat(api.get("/v1/organizations/" + id, owner).json()).isEqualTo(before);
        assertThat(eventCount(id)).isEqualTo(events);
    }

    @Test
    void patchToTheCurrentNameAnswers200AndRecordsNothing() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Same Name");
        JsonNode before = api.get("/v1/organizations/" + id, owner).json();
        int events = eventCount(id);

        Answer patched = api.json("PATCH", "/v1/organizations/" + id, owner,
                Map.of("organization", Map.of("name", "  Same Name ")));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("updated_at"))
                .isEqualTo(before.get("updated_at"));
        assertThat(eventCount(id)).isEqualTo(events);
    }

    @Test
    void patchWithoutABodyAnswers200AndRecordsNothing() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "No Body");
        int events = eventCount(id);

        Answer patched = api.call("PATCH", "/v1/organizations/" + id, owner);

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("organization_id").asLong()).isEqualTo(id);
        assertThat(eventCount(id)).isEqualTo(events);
    }

    @Test
    void unknownFieldsAreIgnored() {
        TestUser owner = api.newUser();

        Answer created = api.json("POST", "/v1/organizations", owner, Map.of(
                "organization", Map.of("name", "Extra Fields", "colour", "red"),
                "something", List.of(1, 2)));

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("organization_id").asLong();
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Extra Fields");
    }

    @Test
    void deleteAnswersAnEmptyBodyAndTheOrganizationIsGone() {
        TestUser owner = api.newUser();
        long kept = api.newOrganization(owner, "Kept");
        long id = api.newOrganization(owner, "Doomed");

        Answer deleted = api.delete("/v1/organizations/" + id, owner);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.raw().body()).isEmpty();
        Answer fetched = api.get("/v1/organizations/" + id, owner);
        assertError(fetched, 422, "organization_not_found");
        assertThat(fetched.json().get("error").asText())
                .isEqualTo("Organization " + id + " does not exist.");
        assertThat(ids(api.get("/v1/organizations", owner).json())).containsExactly(kept);
    }

    @Test
    void aDeletedOrganizationCannotBeRenamedOrDeletedAgain() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Gone Soon");
        api.delete("/v1/organizations/" + id, owner);

        Answer renamed = api.json("PATCH", "/v1/organizations/" + id, owner,
                Map.of("organization", Map.of("name", "Back Again")));
        Answer emptyPatch = api.json("PATCH", "/v1/organizations/" + id, owner,
                Map.of("organization", Map.of()));
        Answer deletedAgain = api.delete("/v1/organizations/" + id, owner);

        assertError(renamed, 422, "organization_not_found");
        assertError(emptyPatch, 422, "organization_not_found");
        assertError(deletedAgain, 422, "organization_not_found");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void idsOfDeletedOrganizationsAreNotReused() {
        TestUser owner = api.newUser();
        long deleted = api.newOrganization(owner, "First Life");
        api.delete("/v1/organizations/" + deleted, owner);

        long next = api.newOrganization(owner, "Second Life");

        assertThat(next).isGreaterThan(deleted);
        assertError(api.get("/v1/organizations/" + deleted, owner), 422,
                "organization_not_found");
    }

    @Test
    void twoOrganizationsMayShareAName() {
        TestUser owner = api.newUser();

        long first = api.newOrganization(owner, "Twins");
        long second = api.newOrganization(owner, "Twins");

        assertThat(first).isNotEqualTo(second);
        assertThat(api.get("/v1/organizations", owner).json().findValuesAsText("name"))
                .containsExactly("Twins", "Twins");
    }

    private int eventCount(long id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, Long.toString(id));
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(view -> ids.add(view.get("id").asLong()));
        return ids;
    }

    private static void assertTimestamp(JsonNode view, String field) {
        String iso = view.get(field).asText();
        assertThat(iso).matches(ISO_MILLIS);
        assertThat(view.get(field + "_ts").isIntegralNumber()).isTrue();
        assertThat(view.get(field + "_ts").asLong()).isEqualTo(Instant.parse(iso).toEpochMilli());
        assertThat(Instant.parse(iso)).isBetween(Instant.now().minusSeconds(600),
                Instant.now().plusSeconds(60));
    }
}
