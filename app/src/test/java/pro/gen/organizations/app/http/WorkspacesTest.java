package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

class WorkspacesTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrganizationSteps orgs;

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
    }

    @Test
    void aUserWithoutOrganizationsHasNoWorkspaces() {
        TestUser user = api.newUser();

        Answer answer = workspaces(user);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isArray()).isTrue();
        assertThat(answer.json()).isEmpty();
    }

    @Test
    void workspacesAreTheOrganizationsTheCallerOwnsOrManagesInAscendingId()
            throws JsonProcessingException {
        TestUser user = api.newUser();
        TestUser other = api.newUser();
        long managed = api.newOrganization(other, "Managed Space");
        long edited = api.newOrganization(other, "Edited Space");
        long viewed = api.newOrganization(other, "Viewed Space");
        long owned = api.newOrganization(user, "Owned Space");
        orgs.addMember(viewed, other, user.id(), "viewer");
        orgs.addMember(edited, other, user.id(), "editor");
        orgs.addMember(managed, other, user.id(), "manager");
        api.newOrganization(other, "Not Joined Space");

        Answer answer = workspaces(user);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(JSON.readTree("""
                [{"id": %d, "name": "Managed Space"}, {"id": %d, "name": "Owned Space"}]
                """.formatted(managed, owned)));
    }

    @Test
    void aRenameShowsInTheWorkspaces() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Old Space");
        TestUser manager = orgs.newMember(id, owner, "manager");

        Answer renamed = orgs.rename(id, manager, "  New Space  ");

        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(names(workspaces(owner))).containsExactly("New Space");
        assertThat(names(workspaces(manager))).containsExactly("New Space");
    }

    @Test
    void aDeletedOrganizationLeavesTheWorkspaces() {
        TestUser owner = api.newUser();
        long kept = api.newOrganization(owner, "Kept Space");
        long deleted = api.newOrganization(owner, "Deleted Space");
        TestUser manager = orgs.newMember(deleted, owner, "manager");

        assertThat(orgs.delete(deleted, owner).status()).isEqualTo(200);

        assertThat(ids(workspaces(owner))).containsExactly(kept);
        assertThat(workspaces(manager).json()).isEmpty();
    }

    @Test
    void aManagerDemotedToEditorLosesTheWorkspace() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Demotion Space");
        TestUser manager = orgs.newMember(id, owner, "manager");
        assertThat(ids(workspaces(manager))).containsExactly(id);

        orgs.changeRole(id, owner, manager.id(), "editor");

        assertThat(workspaces(manager).json()).isEmpty();
        assertThat(ids(workspaces(owner))).containsExactly(id);
    }

    @Test
    void anEditorPromotedToManagerGainsTheWorkspace() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Promotion Space");
        TestUser editor = orgs.newMember(id, owner, "editor");
        assertThat(workspaces(editor).json()).isEmpty();

        orgs.changeRole(id, owner, editor.id(), "manager");

        assertThat(ids(workspaces(editor))).containsExactly(id);
    }

    @Test
    void anOwnerWhoLeavesLosesTheWorkspace() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Leaving Space");
        TestUser second = orgs.newMember(id, owner, "owner");

        orgs.removeMember(id, owner, owner.id());

        assertThat(workspaces(owner).json()).isEmpty();
        assertThat(ids(workspaces(second))).containsExactly(id);
    }

    private Answer workspaces(TestUser user) {
        return api.get("/v1/workspaces", user);
    }

    private static List<Long> ids(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.json().forEach(workspace -> ids.add(workspace.get("id").asLong()));
        return ids;
    }

    private static List<String> names(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode workspace : answer.json()) {
            names.add(workspace.get("name").asText());
        }
        return names;
    }
}
