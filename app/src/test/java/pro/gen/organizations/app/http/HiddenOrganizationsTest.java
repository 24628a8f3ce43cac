package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.http.OrganizationSteps.NO_SUCH_ORGANIZATION;
import static pro.gen.organizations.app.http.OrganizationSteps.assertError;
import static pro.gen.organizations.app.http.OrganizationSteps.memberPath;
import static pro.gen.organizations.app.http.OrganizationSteps.membersPath;
import static pro.gen.organizations.app.http.OrganizationSteps.organizationPath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pro.gen.organizations.app.support.ApiClient;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * An organization that the caller is not a member of, or that was deleted, is told apart
 * from one that never existed by nothing but its id.
 */
class HiddenOrganizationsTest extends ServiceTest {

    private OrganizationSteps orgs;

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
    }

    /** One request to an organization, naming one of its members where it needs one. */
    @FunctionalInterface
    interface Call {
        Answer send(ApiClient api, long organizationId, TestUser caller, long memberId);
    }

    static Stream<Named<Call>> endpoints() {
        return Stream.of(
                Named.of("GET organization", (api, id, caller, member) ->
                        api.get(organizationPath(id), caller)),
                Named.of("PATCH organization with a name", (api, id, caller, member) ->
                        api.json("PATCH", organizationPath(id), caller,
                                Map.of("organization", Map.of("name", "Taken Over")))),
                Named.of("PATCH organization with nothing", (api, id, caller, member) ->
                        api.json("PATCH", organizationPath(id), caller, Map.of())),
                Named.of("DELETE organization", (api, id, caller, member) ->
                        api.delete(organizationPath(id), caller)),
                Named.of("GET members", (api, id, caller, member) ->
                        api.get(membersPath(id), caller)),
                Named.of("POST member by id", (api, id, caller, member) ->
                        api.json("POST", membersPath(id), caller, Map.of("member",
                                Map.of("user_id", caller.id(), "role", "owner")))),
                Named.of("POST member by email", (api, id, caller, member) ->
                        api.form("POST", membersPath(id), caller, Map.of(
                                "member[email]", caller.email(), "member[role]", "viewer"))),
                Named.of("PATCH member", (api, id, caller, member) ->
                        api.json("PATCH", memberPath(id, member), caller,
                                Map.of("member", Map.of("role", "viewer")))),
                Named.of("PATCH own membership", (api, id, caller, member) ->
                        api.json("PATCH", memberPath(id, caller.id()), caller,
                                Map.of("member", Map.of("role", "owner")))),
                Named.of("DELETE member", (api, id, caller, member) ->
                        api.delete(memberPath(id, member), caller)),
                Named.of("DELETE own membership", (api, id, caller, member) ->
                        api.delete(memberPath(id, caller.id()), caller)));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aNonMemberIsToldTheOrganizationDoesNotExist(Call call) {
        TestUser owner = api.newUser();
        TestUser stranger = api.newUser();
        long id = api.newOrganization(owner, "Private Works");
        TestUser editor = orgs.newMember(id, owner, "editor");
        api.newOrganization(stranger, "Stranger's Own");
        List<JsonNode> before = orgs.state(id, owner);

        Answer hidden = call.send(api, id, stranger, editor.id());
        Answer missing = call.send(api, NO_SUCH_ORGANIZATION, stranger, editor.id());

        assertError(missing, 422, "organization_not_found");
        assertSameAnswer(hidden, id, missing, NO_SUCH_ORGANIZATION);
        assertThat(orgs.state(id, owner)).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aDeletedOrganizationDoesNotExistForItsFormerOwner(Call call) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Deleted Works");
        TestUser editor = orgs.newMember(id, owner, "editor");
        assertThat(orgs.delete(id, owner).status()).isEqualTo(200);

        Answer deleted = call.send(api, id, owner, editor.id());
        Answer missing = call.send(api, NO_SUCH_ORGANIZATION, owner, editor.id());

        assertSameAnswer(deleted, id, missing, NO_SUCH_ORGANIZATION);
        assertThat(api.get("/v1/organizations", owner).json()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aDeletedOrganizationDoesNotExistForItsFormerMembers(Call call) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Deleted Works");
        TestUser manager = orgs.newMember(id, owner, "manager");
        TestUser viewer = orgs.newMember(id, owner, "viewer");
        assertThat(orgs.delete(id, owner).status()).isEqualTo(200);

        Answer deleted = call.send(api, id, manager, viewer.id());

        assertError(deleted, 422, "organization_not_found");
        assertThat(api.get("/v1/organizations", manager).json()).isEmpty();
    }

    @Test
    void anIdThatIsNotANumberIsNotFound() {
        TestUser user = api.newUser();

        Answer organization = api.get("/v1/organizations/abc", user);
        Answer members = api.get("/v1/organizations/abc/members", user);
        Answer member = api.delete("/v1/organizations/abc/members/" + user.id(), user);
        Answer negative = api.get("/v1/organizations/-1/members", user);

        assertError(organization, 422, "organization_not_found");
        assertError(members, 422, "organization_not_found");
        assertError(member, 422, "organization_not_found");
        assertError(negative, 422, "organization_not_found");
    }

    private static void assertSameAnswer(Answer actual, long actualId, Answer expected,
                                         long expectedId) {
        assertError(actual, expected.status(), expected.errorCode());
        assertThat(message(actual, actualId)).isEqualTo(message(expected, expectedId));
        assertThat(actual.json().has("details")).isEqualTo(expected.json().has("details"));
    }

    /** The error message with the organization's id taken out. */
    private static String message(Answer answer, long id) {
        return answer.json().path("error").asText().replace(Long.toString(id), "<id>");
    }
}
