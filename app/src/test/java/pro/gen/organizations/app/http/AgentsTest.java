package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.http.OrganizationSteps.ISO_MILLIS;
import static pro.gen.organizations.app.http.OrganizationSteps.NO_SUCH_ORGANIZATION;
import static pro.gen.organizations.app.http.OrganizationSteps.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

class AgentsTest extends ServiceTest {

    private OrganizationSteps orgs;

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
    }

    @Test
    void aNewOrganizationHasExactlyOneSystemAgent() {
        TestUser owner = api.newUser();

        long id = api.newOrganization(owner, "Agent Works");

        Answer answer = agents(owner);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json()).hasSize(1);
        JsonNode agent = answer.json().get(0);
        List<String> fields = new ArrayList<>();
        agent.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder(
                "id", "name", "workspace_id", "system", "created_at", "created_at_ts");
        assertThat(agent.get("id").isIntegralNumber()).isTrue();
        assertThat(agent.get("id").asLong()).isPositive();
        assertThat(agent.get("name").asText()).isEqualTo("System Agent");
        assertThat(agent.get("workspace_id").asLong()).isEqualTo(id);
        assertThat(agent.get("system").isBoolean()).isTrue();
        assertThat(agent.get("system").asBoolean()).isTrue();
        assertThat(agent.get("created_at").asText()).matches(ISO_MILLIS);
        assertThat(agent.get("created_at_ts").asLong())
                .isEqualTo(Instant.parse(agent.get("created_at").asText()).toEpochMilli());
        assertThat(agents(owner, id).json()).isEqualTo(answer.json());
    }

    @ParameterizedTest(name = "a {0} sees the agent: {1}")
    @CsvSource({
        "owner,   true",
        "manager, true",
        "editor,  false",
        "viewer,  false"
    })
    void agentsAreVisibleToOwnersAndManagersOnly(String role, boolean visible) {
        TestUser founder = api.newUser();
        long id = api.newOrganization(founder, "Agent Visibility Works");
        TestUser member = orgs.newMember(id, founder, role);
        long agentId = agentIdOf(founder, id);

        Answer all = agents(member);
        Answer filtered = agents(member, id);

        assertThat(all.status()).as(all.text()).isEqualTo(200);
        assertThat(filtered.status()).as(filtered.text()).isEqualTo(200);
        if (visible) {
            assertThat(ids(all.json())).containsExactly(agentId);
            assertThat(ids(filtered.json())).containsExactly(agentId);
        } else {
            assertThat(all.json()).isEmpty();
            assertThat(filtered.json()).isEmpty();
        }
    }

    @Test
    void aNonMemberSeesNoAgents() {
        TestUser owner = api.newUser();
        TestUser stranger = api.newUser();
        long id = api.newOrganization(owner, "Agent Privacy Works");

        Answer all = agents(stranger);
        Answer filtered = agents(stranger, id);

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json()).isEmpty();
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.json()).isEmpty();
    }

    @Test
    void workspaceIdKeepsOneOrganizationsAgents() {
        TestUser owner = api.newUser();
        long first = api.newOrganization(owner, "First Agent Works");
        long second = api.newOrganization(owner, "Second Agent Works");
        long third = api.newOrganization(owner, "Third Agent Works");

        Answer all = agents(owner);
        Answer onlySecond = agents(owner, second);

        assertThat(all.json()).hasSize(3);
        assertThat(ids(all.json())).isSorted().doesNotHaveDuplicates();
        assertThat(workspaceIds(all.json())).containsExactlyInAnyOrder(first, second, third);
        assertThat(onlySecond.json()).hasSize(1);
        assertThat(onlySecond.json().get(0).get("workspace_id").asLong()).isEqualTo(second);
    }

    @Test
    void agentsOfOrganizationsRunAsManagerAreListedInAscendingId() {
        TestUser user = api.newUser();
        TestUser other = api.newUser();
        long managed = api.newOrganization(other, "Managed Agent Works");
        long owned = api.newOrganization(user, "Owned Agent Works");
        orgs.addMember(managed, other, user.id(), "manager");

        Answer all = agents(user);

        assertThat(ids(all.json())).hasSize(2).isSorted();
        assertThat(workspaceIds(all.json())).containsExactly(managed, owned);
    }

    @Test
    void aWorkspaceTheCallerMayNotSeeGivesAnEmptyList() {
        TestUser owner = api.newUser();
        TestUser other = api.newUser();
        api.newOrganization(owner, "Own Agent Works");
        long foreign = api.newOrganization(other, "Foreign Agent Works");

        Answer foreignAgents = agents(owner, foreign);
        Answer missingAgents = agents(owner, NO_SUCH_ORGANIZATION);

        assertThat(foreignAgents.status()).isEqualTo(200);
        assertThat(foreignAgents.json()).isEmpty();
        assertThat(missingAgents.status()).isEqualTo(200);
        assertThat(missingAgents.json()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12abc", "1.5", "0x10"})
    void aWorkspaceIdThatIsNotANumberIsAValidationError(String workspaceId) {
        TestUser owner = api.newUser();
        api.newOrganization(owner, "Bad Filter Works");

        Answer answer = api.get("/v1/agents?workspace_id=" + workspaceId, owner);

        assertError(answer, 422, "validation_error");
    }

    @Test
    void theAgentGoesAwayWithTheOrganization() {
        TestUser owner = api.newUser();
        long kept = api.newOrganization(owner, "Kept Agent Works");
        long deleted = api.newOrganization(owner, "Deleted Agent Works");
        long keptAgent = agentIdOf(owner, kept);

        assertThat(orgs.delete(deleted, owner).status()).isEqualTo(200);

        assertThat(ids(agents(owner).json())).containsExactly(keptAgent);
        assertThat(agents(owner, deleted).json()).isEmpty();
    }

    @Test
    void aManagerDemotedToEditorNoLongerSeesTheAgent() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Demotion Agent Works");
        TestUser manager = orgs.newMember(id, owner, "manager");
        assertThat(agents(manager).json()).hasSize(1);

        orgs.changeRole(id, owner, manager.id(), "editor");

        assertThat(agents(manager).json()).isEmpty();
        assertThat(agents(manager, id).json()).isEmpty();
    }

    private Answer agents(TestUser user) {
        return api.get("/v1/agents", user);
    }

    private Answer agents(TestUser user, long workspaceId) {
        return api.get("/v1/agents?workspace_id=" + workspaceId, user);
    }

    private long agentIdOf(TestUser owner, long organizationId) {
        JsonNode agents = agents(owner, organizationId).json();
        assertThat(agents).hasSize(1);
        return agents.get(0).get("id").asLong();
    }

    private static List<Long> ids(JsonNode agents) {
        List<Long> ids = new ArrayList<>();
        agents.forEach(agent -> ids.add(agent.get("id").asLong()));
        return ids;
    }

    private static List<Long> workspaceIds(JsonNode agents) {
        List<Long> ids = new ArrayList<>();
        agents.forEach(agent -> ids.add(agent.get("workspace_id").asLong()));
        return ids;
    }
}
