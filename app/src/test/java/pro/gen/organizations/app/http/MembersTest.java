package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.http.OrganizationSteps.ISO_MILLIS;
import static pro.gen.organizations.app.http.OrganizationSteps.assertError;
import static pro.gen.organizations.app.http.OrganizationSteps.memberPath;
import static pro.gen.organizations.app.http.OrganizationSteps.membersPath;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

class MembersTest extends ServiceTest {

    private OrganizationSteps orgs;

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
    }

    @Test
    void membersAreListedByAscendingUserIdWithTheirDetails() {
        TestUser owner = api.newUser();
        TestUser earlier = api.newUser();
        TestUser later = api.newUser();
        long id = api.newOrganization(owner, "Listing Works");
        orgs.newMember(id, owner, "viewer");
        orgs.addMember(id, owner, later.id(), "editor");
        orgs.addMember(id, owner, earlier.id(), "viewer");

        Answer answer = orgs.members(id, owner);

        assertThat(answer.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.json().forEach(member -> ids.add(member.get("user_id").asLong()));
        assertThat(ids).hasSize(4).isSorted().contains(owner.id(), earlier.id(), later.id());
        JsonNode first = answer.json().get(0);
        assertThat(fieldNames(first)).containsExactlyInAnyOrder(
                "user_id", "email", "name", "role", "joined_at", "joined_at_ts");
        assertThat(first.get("user_id").asLong()).isEqualTo(owner.id());
        assertThat(first.get("email").asText()).isEqualTo(owner.email());
        assertThat(first.get("name").asText()).isEqualTo("Test User");
        assertThat(first.get("role").asText()).isEqualTo("owner");
        for (JsonNode member : answer.json()) {
            String joinedAt = member.get("joined_at").asText();
            assertThat(joinedAt).matches(ISO_MILLIS);
            assertThat(member.get("joined_at_ts").isIntegralNumber()).isTrue();
            assertThat(member.get("joined_at_ts").asLong())
                    .isEqualTo(Instant.parse(joinedAt).toEpochMilli());
        }
    }

    @Test
    void aMemberIsAddedByUserIdInJson() {
        TestUser owner = api.newUser();
        TestUser user = api.newUser();
        long id = api.newOrganization(owner, "Json Works");

        Answer answer = orgs.addMember(id, owner, user.id(), "editor");

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertMember(answer.json(), user, "editor");
        assertThat(orgs.roleOf(id, owner, user.id())).isEqualTo("editor");
        assertThat(orgs.view(id, user).get("user_role").asText()).isEqualTo("editor");
    }

    @Test
    void aMemberIsAddedByEmail() {
        TestUser owner = api.newUser();
        TestUser user = api.newUser();
        long id = api.newOrganization(owner, "Email Works");

        Answer answer = orgs.addMemberByEmail(id, owner, user.email(), "viewer");

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertMember(answer.json(), user, "viewer");
        assertThat(orgs.roleOf(id, owner, user.id())).isEqualTo("viewer");
    }

    @Test
    void aMemberIsAddedWithAUrlEncodedForm() {
        TestUser owner = api.newUser();
        TestUser user = api.newUser();
        long id = api.newOrganization(owner, "Form Works");

        Answer answer = api.form("POST", membersPath(id), owner, Map.of(
                "member[user_id]", Long.toString(user.id()), "member[role]", "manager"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertMember(answer.json(), user, "manager");
        assertThat(orgs.roleOf(id, owner, user.id())).isEqualTo("manager");
    }

    @Test
    void aMemberIsAddedByEmailWithAMultipartForm() {
        TestUser owner = api.newUser();
        TestUser user = api.newUser();
        long id = api.newOrganization(owner, "Multipart Works");

        Answer answer = api.multipart("POST", membersPath(id), owner, Map.of(
                "member[email]", user.email(), "member[role]", "viewer"), null, null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertMember(answer.json(), user, "viewer");
        assertThat(orgs.roleOf(id, owner, user.id())).isEqualTo("viewer");
    }

    @Test
    void aMemberIsAddedByUserIdWithAMultipartForm() {
        TestUser owner = api.newUser();
        TestUser user = api.newUser();
        long id = api.newOrganization(owner, "Multipart Id Works");

        Answer answer = api.multipart("POST", membersPath(id), owner, Map.of(
                "member[user_id]", Long.toString(user.id()), "member[role]", "editor"),
                null, null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertMember(answer.json(), user, "editor");
    }

    @Test
    void addingAnUnknownUserIdIsAValidationError() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Unknown Works");
        List<JsonNode> before = orgs.state(id, owner);

        Answer answer = orgs.addMember(id, owner, OrganizationSteps.NO_SUCH_ORGANIZATION,
                "editor");

        assertError(answer, 422, "validation_error");
        assertThat(orgs.state(id, owner)).isEqualTo(before);
    }

    @Test
    void addingAnUnknownEmailIsAValidationError() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Unknown Email Works");
        List<JsonNode> before = orgs.state(id, owner);

        Answer answer = orgs.addMemberByEmail(id, owner, "nobody-" + id + "@example.com",
                "editor");

        assertError(answer, 422, "validation_error");
        assertThat(orgs.state(id, owner)).isEqualTo(before);
    }

    @Test
    void addingSomeoneWhoIsAlreadyAMemberIsAValidationError() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Twice Works");
        TestUser editor = orgs.newMember(id, owner, "editor");
        List<JsonNode> before = orgs.state(id, owner);

        Answer again = orgs.addMember(id, owner, editor.id(), "viewer");
        Answer self = orgs.addMember(id, owner, owner.id(), "viewer");

        assertError(again, 422, "validation_error");
        assertError(self, 422, "validation_error");
        assertThat(orgs.state(id, owner)).isEqualTo(before);
        assertThat(orgs.roleOf(id, owner, editor.id())).isEqualTo("editor");
    }

    @Test
    void addingWithTheRoleAdminIsAValidationError() {
        TestUser owner = api.newUser();
        TestUser user = api.newUser();
        long id = api.newOrganization(owner, "Admin Works");
        List<JsonNode> before = orgs.state(id, owner);

        Answer answer = orgs.addMember(id, owner, user.id(), "admin");

        assertError(answer, 422, "validation_error");
        assertThat(orgs.state(id, owner)).isEqualTo(before);
    }

    @Test
    void addingWithoutARoleIsAValidationError() {
        TestUser owner = api.newUser();
        TestUser user = api.newUser();
        long id = api.newOrganization(owner, "No Role Works");
        List<JsonNode> before = orgs.state(id, owner);

        Answer answer = api.json("POST", membersPath(id), owner,
                Map.of("member", Map.of("user_id", user.id())));

        assertError(answer, 422, "validation_error");
        assertThat(orgs.state(id, owner)).isEqualTo(before);
    }

    @Test
    void changingARoleAnswersTheMember() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Promotion Works");
        TestUser editor = orgs.newMember(id, owner, "editor");

        Answer answer = orgs.changeRole(id, owner, editor.id(), "manager");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertMember(answer.json(), editor, "manager");
        assertThat(orgs.roleOf(id, owner, editor.id())).isEqualTo("manager");
        assertThat(orgs.view(id, editor).get("user_role").asText()).isEqualTo("manager");
    }

    @Test
    void aRoleIsChangedWithAUrlEncodedForm() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Form Promotion Works");
        TestUser viewer = orgs.newMember(id, owner, "viewer");

        Answer answer = api.form("PATCH", memberPath(id, viewer.id()), owner,
                Map.of("member[role]", "editor"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertMember(answer.json(), viewer, "editor");
        assertThat(orgs.roleOf(id, owner, viewer.id())).isEqualTo("editor");
    }

    @Test
    void aRoleIsChangedWithAMultipartForm() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Multipart Promotion Works");
        TestUser viewer = orgs.newMember(id, owner, "viewer");

        Answer answer = api.multipart("PATCH", memberPath(id, viewer.id()), owner,
                Map.of("member[role]", "manager"), null, null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertMember(answer.json(), viewer, "manager");
        assertThat(orgs.roleOf(id, owner, viewer.id())).isEqualTo("manager");
    }

    @Test
    void changingARoleWithoutARoleIsAValidationError() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Empty Promotion Works");
        TestUser viewer = orgs.newMember(id, owner, "viewer");
        List<JsonNode> before = orgs.state(id, owner);

        Answer answer = api.json("PATCH", memberPath(id, viewer.id()), owner,
                Map.of("member", Map.of()));

        assertError(answer, 422, "validation_error");
        assertThat(orgs.state(id, owner)).isEqualTo(before);
    }

    @Test
    void changingARoleToAdminIsAValidationError() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Bad Promotion Works");
        TestUser editor = orgs.newMember(id, owner, "editor");
        List<JsonNode> before = orgs.state(id, owner);

        Answer answer = orgs.changeRole(id, owner, editor.id(), "admin");

        assertError(answer, 422, "validation_error");
        assertThat(orgs.state(id, owner)).isEqualTo(before);
    }

    @Test
    void removingAMemberAnswersAnEmptyBody() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Removal Works");
        TestUser viewer = orgs.newMember(id, owner, "viewer");

        Answer answer = orgs.removeMember(id, owner, viewer.id());

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.raw().body()).isEmpty();
        assertThat(orgs.memberIds(id, owner)).containsExactly(owner.id());
        assertError(orgs.organization(id, viewer), 422, "organization_not_found");
    }

    @Test
    void totalMembersFollowsAddsAndRemoves() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Counting Works");
        int alone = orgs.totalMembers(id, owner);

        TestUser editor = orgs.newMember(id, owner, "editor");
        int withEditor = orgs.totalMembers(id, owner);
        TestUser viewer = orgs.newMember(id, owner, "viewer");
        int withBoth = orgs.totalMembers(id, viewer);
        orgs.removeMember(id, owner, editor.id());
        int afterRemoval = orgs.totalMembers(id, owner);

        assertThat(alone).isEqualTo(1);
        assertThat(withEditor).isEqualTo(2);
        assertThat(withBoth).isEqualTo(3);
        assertThat(afterRemoval).isEqualTo(2);
    }

    @Test
    void aRemovedMemberMayBeAddedAgain() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Return Works");
        TestUser editor = orgs.newMember(id, owner, "editor");
        orgs.removeMember(id, owner, editor.id());

        Answer answer = orgs.addMember(id, owner, editor.id(), "viewer");

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertMember(answer.json(), editor, "viewer");
        assertThat(orgs.memberIds(id, owner)).containsExactly(owner.id(), editor.id());
        assertThat(orgs.view(id, editor).get("user_role").asText()).isEqualTo("viewer");
        assertThat(orgs.totalMembers(id, owner)).isEqualTo(2);
    }

    @Test
    void aViewerMayLeave() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Leaving Works");
        TestUser viewer = orgs.newMember(id, owner, "viewer");

        Answer answer = orgs.removeMember(id, viewer, viewer.id());

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.raw().body()).isEmpty();
        assertError(orgs.organization(id, viewer), 422, "organization_not_found");
        assertError(orgs.members(id, viewer), 422, "organization_not_found");
        assertThat(api.get("/v1/organizations", viewer).json()).isEmpty();
        assertThat(orgs.memberIds(id, owner)).containsExactly(owner.id());
    }

    @Test
    void theLastOwnerCannotLeave() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Last Owner Works");
        orgs.newMember(id, owner, "manager");
        List<JsonNode> before = orgs.state(id, owner);

        Answer answer = orgs.removeMember(id, owner, owner.id());

        assertError(answer, 422, "validation_error");
        assertThat(orgs.state(id, owner)).isEqualTo(before);
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Last Owner Demotion Works");
        List<JsonNode> before = orgs.state(id, owner);

        Answer answer = orgs.changeRole(id, owner, owner.id(), "manager");

        assertError(answer, 422, "validation_error");
        assertThat(orgs.state(id, owner)).isEqualTo(before);
    }

    @Test
    void withASecondOwnerTheFirstMayLeave() {
        TestUser first = api.newUser();
        long id = api.newOrganization(first, "Two Owners Works");
        TestUser second = orgs.newMember(id, first, "owner");

        Answer answer = orgs.removeMember(id, first, first.id());

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertError(orgs.organization(id, first), 422, "organization_not_found");
        assertThat(orgs.memberIds(id, second)).containsExactly(second.id());
        assertError(orgs.removeMember(id, second, second.id()), 422, "validation_error");
    }

    @Test
    void withASecondOwnerTheFirstMayBeDemoted() {
        TestUser first = api.newUser();
        long id = api.newOrganization(first, "Owner Demotion Works");
        TestUser second = orgs.newMember(id, first, "owner");

        Answer answer = orgs.changeRole(id, second, first.id(), "viewer");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(orgs.view(id, first).get("user_role").asText()).isEqualTo("viewer");
        assertError(orgs.changeRole(id, second, second.id(), "editor"), 422,
                "validation_error");
    }

    @Test
    void changingTheRoleOfSomeoneWhoIsNotAMemberIsAValidationError() {
        TestUser owner = api.newUser();
        TestUser outsider = api.newUser();
        long id = api.newOrganization(owner, "Outsider Works");
        List<JsonNode> before = orgs.state(id, owner);

        Answer change = orgs.changeRole(id, owner, outsider.id(), "editor");
        Answer removal = api.delete(memberPath(id, outsider.id()), owner);

        assertError(change, 422, "validation_error");
        assertError(removal, 422, "validation_error");
        assertThat(orgs.state(id, owner)).isEqualTo(before);
    }

    @Test
    void membersAgentsAndWorkspacesNeedAValidApiKey() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Locked Works");
        TestUser forged = new TestUser(owner.id(), owner.email(),
                "gen_pat_" + "x".repeat(40));

        List<Answer> answers = List.of(
                api.get(membersPath(id), null),
                api.get(membersPath(id), forged),
                orgs.addMember(id, forged, owner.id(), "viewer"),
                orgs.changeRole(id, forged, owner.id(), "viewer"),
                orgs.removeMember(id, forged, owner.id()),
                api.get("/v1/agents", forged),
                api.get("/v1/workspaces", null));

        assertThat(answers).allSatisfy(answer -> assertError(answer, 401, "unauthorized"));
        assertThat(orgs.memberIds(id, owner)).containsExactly(owner.id());
    }

    private static void assertMember(JsonNode member, TestUser user, String role) {
        assertThat(fieldNames(member)).containsExactlyInAnyOrder(
                "user_id", "email", "name", "role", "joined_at", "joined_at_ts");
        assertThat(member.get("user_id").asLong()).isEqualTo(user.id());
        assertThat(member.get("email").asText()).isEqualTo(user.email());
        assertThat(member.get("role").asText()).isEqualTo(role);
        assertThat(member.get("joined_at").asText()).matches(ISO_MILLIS);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
