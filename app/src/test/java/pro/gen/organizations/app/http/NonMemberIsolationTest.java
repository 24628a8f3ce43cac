package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.ErrorBodies.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * Someone else's organization looks exactly like one that does not exist: same status, same
 * code, same sentence but for the id.
 */
class NonMemberIsolationTest extends ServiceTest {

    private static final long NEVER_USED = 987_654_321_012L;

    @Test
    void anotherUsersOrganizationIsNotFoundLikeAMissingOne() {
        TestUser alice = api.newUser();
        TestUser bob = api.newUser();
        long alicesOrg = api.newOrganization(alice, "Alice Only");

        Answer foreign = api.get("/v1/organizations/" + alicesOrg, bob);
        Answer missing = api.get("/v1/organizations/" + NEVER_USED, bob);

        assertSameRefusal(foreign, alicesOrg, missing, NEVER_USED);
    }

    @Test
    void anotherUsersOrganizationCannotBeRenamedAndLooksMissing() {
        TestUser alice = api.newUser();
        TestUser bob = api.newUser();
        long alicesOrg = api.newOrganization(alice, "Alice Only");
        Map<String, Object> body = Map.of("organization", Map.of("name", "Bob Was Here"));

        Answer foreign = api.json("PATCH", "/v1/organizations/" + alicesOrg, bob, body);
        Answer missing = api.json("PATCH", "/v1/organizations/" + NEVER_USED, bob, body);

        assertSameRefusal(foreign, alicesOrg, missing, NEVER_USED);
        assertThat(api.get("/v1/organizations/" + alicesOrg, alice).json().get("name").asText())
                .isEqualTo("Alice Only");
    }

    @Test
    void anEmptyPatchOfAnotherUsersOrganizationLooksMissing() {
        TestUser alice = api.newUser();
        TestUser bob = api.newUser();
        long alicesOrg = api.newOrganization(alice, "Alice Only");
        Map<String, Object> body = Map.of("organization", Map.of());

        Answer foreign = api.json("PATCH", "/v1/organizations/" + alicesOrg, bob, body);
        Answer missing = api.json("PATCH", "/v1/organizations/" + NEVER_USED, bob, body);

        assertSameRefusal(foreign, alicesOrg, missing, NEVER_USED);
    }

    @Test
    void anotherUsersOrganizationCannotBeDeletedAndLooksMissing() {
        TestUser alice = api.newUser();
        TestUser bob = api.newUser();
        long alicesOrg = api.newOrganization(alice, "Alice Only");

        Answer foreign = api.delete("/v1/organizations/" + alicesOrg, bob);
        Answer missing = api.delete("/v1/organizations/" + NEVER_USED, bob);

        assertSameRefusal(foreign, alicesOrg, missing, NEVER_USED);
        assertThat(api.get("/v1/organizations/" + alicesOrg, alice).status()).isEqualTo(200);
    }

    @Test
    void anotherUsersDeletedOrganizationLooksLikeAnyMissingOne() {
        TestUser alice = api.newUser();
        TestUser bob = api.newUser();
        long deleted = api.newOrganization(alice, "Deleted By Alice");
        api.delete("/v1/organizations/" + deleted, alice);
        long live = api.newOrganization(alice, "Live At Alice");

        Answer ofDeleted = api.get("/v1/organizations/" + deleted, bob);
        Answer ofLive = api.get("/v1/organizations/" + live, bob);
        Answer renameDeleted = api.json("PATCH", "/v1/organizations/" + deleted, bob,
                Map.of("organization", Map.of("name", "X")));
        Answer renameLive = api.json("PATCH", "/v1/organizations/" + live, bob,
                Map.of("organization", Map.of("name", "X")));

        assertSameRefusal(ofDeleted, deleted, ofLive, live);
        assertSameRefusal(renameDeleted, deleted, renameLive, live);
    }

    @Test
    void anotherUsersOrganizationIsNotListed() {
        TestUser alice = api.newUser();
        TestUser bob = api.newUser();
        api.newOrganization(alice, "Alice Only");
        long bobsOrg = api.newOrganization(bob, "Bob Only");

        JsonNode bobsList = api.get("/v1/organizations", bob).json();

        assertThat(bobsList).hasSize(1);
        assertThat(bobsList.get(0).get("id").asLong()).isEqualTo(bobsOrg);
    }

    private static void assertSameRefusal(Answer foreign, long foreignId, Answer missing,
                                          long missingId) {
        JsonNode foreignBody = assertError(foreign, 422, "organization_not_found");
        JsonNode missingBody = assertError(missing, 422, "organization_not_found");
        assertThat(foreignBody.get("error").asText()).isEqualTo("Organization " + foreignId
                + " does not exist.");
        assertThat(foreignBody.get("error").asText().replace(Long.toString(foreignId), "N"))
                .isEqualTo(missingBody.get("error").asText()
                        .replace(Long.toString(missingId), "N"));
        assertThat(foreignBody.size()).isEqualTo(missingBody.size());
        assertThat(foreign.header("Content-Type")).isEqualTo(missing.header("Content-Type"));
    }
}
