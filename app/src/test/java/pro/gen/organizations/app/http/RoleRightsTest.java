package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.http.OrganizationSteps.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * The role table of the contract, row by row, with each role as the actor. The actor joins
 * an organization that its founder owns; an owner actor is a second owner. What a role may
 * not do is 403 and changes nothing.
 */
class RoleRightsTest extends ServiceTest {

    private OrganizationSteps orgs;

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
    }

    /** An organization with its founding owner and the actor, who holds the role. */
    private record Setting(long id, TestUser founder, TestUser actor) {
    }

    private Setting actorWithRole(String role) {
        TestUser founder = api.newUser();
        long id = api.newOrganization(founder, "Role Table " + role);
        TestUser actor = orgs.newMember(id, founder, role);
        return new Setting(id, founder, actor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "manager", "editor", "viewer"})
    void everyRoleReadsTheOrganizationAndItsMembers(String role) {
        Setting org = actorWithRole(role);

        Answer view = orgs.organization(org.id(), org.actor());
        Answer members = orgs.members(org.id(), org.actor());

        assertThat(view.status()).as(view.text()).isEqualTo(200);
        assertThat(view.json().get("user_role").asText()).isEqualTo(role);
        assertThat(view.json().get("total_members").asInt()).isEqualTo(2);
        assertThat(members.status()).as(members.text()).isEqualTo(200);
        assertThat(members.json()).hasSize(2);
        assertThat(orgs.roleOf(org.id(), org.actor(), org.actor().id())).isEqualTo(role);
        assertThat(orgs.roleOf(org.id(), org.actor(), org.founder().id())).isEqualTo("owner");
    }

    @ParameterizedTest(name = "a {0} renaming answers {1}")
    @CsvSource({
        "owner,   200",
        "manager, 200",
        "editor,  403",
        "viewer,  403"
    })
    void renaming(String role, int expected) {
        Setting org = actorWithRole(role);
        List<JsonNode> before = orgs.state(org.id(), org.founder());

        Answer answer = orgs.rename(org.id(), org.actor(), "Renamed by " + role);

        if (expected == 200) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().get("organization_id").asLong()).isEqualTo(org.id());
            assertThat(orgs.name(org.id(), org.founder())).isEqualTo("Renamed by " + role);
        } else {
            assertRefused(answer, org, before);
        }
    }

    @ParameterizedTest(name = "a {0} adding a {1} answers {2}")
    @CsvSource({
        "owner,   editor,  201",
        "owner,   viewer,  201",
        "owner,   manager, 201",
        "owner,   owner,   201",
        "manager, editor,  201",
        "manager, viewer,  201",
        "manager, manager, 403",
        "manager, owner,   403",
        "editor,  editor,  403",
        "editor,  viewer,  403",
        "editor,  manager, 403",
        "editor,  owner,   403",
        "viewer,  editor,  403",
        "viewer,  viewer,  403",
        "viewer,  manager, 403",
        "viewer,  owner,   403"
    })
    void addingAMember(String role, String newRole, int expected) {
        Setting org = actorWithRole(role);
        TestUser newcomer = api.newUser();
        List<JsonNode> before = orgs.state(org.id(), org.founder());

        Answer answer = orgs.addMember(org.id(), org.actor(), newcomer.id(), newRole);

        if (expected == 201) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(201);
            assertThat(answer.json().get("role").asText()).isEqualTo(newRole);
            assertThat(orgs.roleOf(org.id(), org.founder(), newcomer.id())).isEqualTo(newRole);
            assertThat(orgs.totalMembers(org.id(), org.founder())).isEqualTo(3);
            assertThat(orgs.view(org.id(), newcomer).get("user_role").asText())
                    .isEqualTo(newRole);
        } else {
            assertRefused(answer, org, before);
            assertError(orgs.organization(org.id(), newcomer), 422, "organization_not_found");
        }
    }

    @ParameterizedTest(name = "a {0} changing a {1} to {2} answers {3}")
    @CsvSource({
        "owner,   editor,  viewer,  200",
        "owner,   viewer,  editor,  200",
        "owner,   manager, editor,  200",
        "owner,   editor,  manager, 200",
        "owner,   owner,   viewer,  200",
        "owner,   viewer,  owner,   200",
        "manager, editor,  viewer,  200",
        "manager, viewer,  editor,  200",
        "manager, manager, editor,  403",
        "manager, editor,  manager, 403",
        "manager, owner,   viewer,  403",
        "manager, viewer,  owner,   403",
        "editor,  editor,  viewer,  403",
        "editor,  viewer,  editor,  403",
        "editor,  manager, editor,  403",
        "editor,  editor,  manager, 403",
        "editor,  owner,   viewer,  403",
        "editor,  viewer,  owner,   403",
        "viewer,  editor,  viewer,  403",
        "viewer,  viewer,  editor,  403",
        "viewer,  manager, editor,  403",
        "viewer,  editor,  manager, 403",
        "viewer,  owner,   viewer,  403",
        "viewer,  viewer,  owner,   403"
    })
    void changingARole(String role, String from, String to, int expected) {
        Setting org = actorWithRole(role);
        TestUser target = orgs.newMember(org.id(), org.founder(), from);
        List<JsonNode> before = orgs.state(org.id(), org.founder());

        Answer answer = orgs.changeRole(org.id(), org.actor(), target.id(), to);

        if (expected == 200) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().get("user_id").asLong()).isEqualTo(target.id());
            assertThat(answer.json().get("role").asText()).isEqualTo(to);
            assertThat(orgs.roleOf(org.id(), org.founder(), target.id())).isEqualTo(to);
            assertThat(orgs.view(org.id(), target).get("user_role").asText()).isEqualTo(to);
        } else {
            assertRefused(answer, org, before);
            assertThat(orgs.view(org.id(), target).get("user_role").asText()).isEqualTo(from);
        }
    }

    @ParameterizedTest(name = "a {0} removing a {1} answers {2}")
    @CsvSource({
        "owner,   editor,  200",
        "owner,   viewer,  200",
        "owner,   manager, 200",
        "owner,   owner,   200",
        "manager, editor,  200",
        "manager, viewer,  200",
        "manager, manager, 403",
        "manager, owner,   403",
        "editor,  editor,  403",
        "editor,  viewer,  403",
        "editor,  manager, 403",
        "editor,  owner,   403",
        "viewer,  editor,  403",
        "viewer,  viewer,  403",
        "viewer,  manager, 403",
        "viewer,  owner,   403"
    })
    void removingAMember(String role, String targetRole, int expected) {
        Setting org = actorWithRole(role);
        TestUser target = orgs.newMember(org.id(), org.founder(), targetRole);
        List<JsonNode> before = orgs.state(org.id(), org.founder());

        Answer answer = orgs.removeMember(org.id(), org.actor(), target.id());

        if (expected == 200) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.raw().body()).isEmpty();
            assertThat(orgs.memberIds(org.id(), org.founder())).doesNotContain(target.id());
            assertThat(orgs.totalMembers(org.id(), org.founder())).isEqualTo(2);
            assertError(orgs.organization(org.id(), target), 422, "organization_not_found");
        } else {
            assertRefused(answer, org, before);
            assertThat(orgs.view(org.id(), target).get("user_role").asText())
                    .isEqualTo(targetRole);
        }
    }

    @ParameterizedTest(name = "a {0} deleting answers {1}")
    @CsvSource({
        "owner,   200",
        "manager, 403",
        "editor,  403",
        "viewer,  403"
    })
    void deleting(String role, int expected) {
        Setting org = actorWithRole(role);
        List<JsonNode> before = orgs.state(org.id(), org.founder());

        Answer answer = orgs.delete(org.id(), org.actor());

        if (expected == 200) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.raw().body()).isEmpty();
            assertError(orgs.organization(org.id(), org.founder()), 422,
                    "organization_not_found");
            assertError(orgs.organization(org.id(), org.actor()), 422,
                    "organization_not_found");
        } else {
            assertRefused(answer, org, before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "manager", "editor", "viewer"})
    void everyRoleMayLeave(String role) {
        Setting org = actorWithRole(role);

        Answer answer = orgs.removeMember(org.id(), org.actor(), org.actor().id());

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertError(orgs.organization(org.id(), org.actor()), 422, "organization_not_found");
        assertThat(orgs.memberIds(org.id(), org.founder())).containsExactly(org.founder().id());
        assertThat(orgs.totalMembers(org.id(), org.founder())).isEqualTo(1);
    }

    private void assertRefused(Answer answer, Setting org, List<JsonNode> before) {
        assertError(answer, 403, "forbidden");
        assertThat(orgs.state(org.id(), org.founder())).isEqualTo(before);
        assertThat(orgs.view(org.id(), org.actor()).get("user_role").asText())
                .isEqualTo(roleIn(before.get(1), org.actor().id()));
    }

    private static String roleIn(JsonNode members, long userId) {
        for (JsonNode member : members) {
            if (member.get("user_id").asLong() == userId) {
                return member.get("role").asText();
            }
        }
        return null;
    }
}
