package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.http.HistorySteps.events;
import static pro.gen.organizations.app.http.OrganizationSteps.ISO_MILLIS;
import static pro.gen.organizations.app.http.OrganizationSteps.NO_SUCH_ORGANIZATION;
import static pro.gen.organizations.app.http.OrganizationSteps.assertError;
import static pro.gen.organizations.app.http.OrganizationSteps.memberPath;
import static pro.gen.organizations.app.http.OrganizationSteps.membersPath;
import static pro.gen.organizations.app.http.OrganizationSteps.organizationPath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * An organization's audit trail: every event as stored, with who caused it and in which
 * request, page by page, for owners and managers only, and for the admin also once the
 * organization is deleted.
 */
class AuditTrailTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An organization with more events than the largest page, made once for the class. */
    private static LongHistory longHistory;

    private OrganizationSteps orgs;
    private HistorySteps history;

    private record LongHistory(long id, TestUser owner, int events) {
    }

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
        history = new HistorySteps(api);
    }

    @Test
    void theTrailListsEveryEventWithWhoCausedItInWhichRequestAndItsOwnFields() {
        TestUser owner = api.newUser();
        TestUser member = api.newUser();
        String run = UUID.randomUUID().toString();
        Answer created = history.write("POST", "/v1/organizations", owner,
                Map.of("organization", Map.of("name", "Audit Works")), "create-" + run);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().get("organization_id").asLong();
        List<Answer> writes = List.of(
                history.write("POST", membersPath(id), owner,
                        Map.of("member", Map.of("user_id", member.id(), "role", "viewer")),
                        "add-" + run),
                history.write("PATCH", memberPath(id, member.id()), owner,
                        Map.of("member", Map.of("role", "manager")), "promote-" + run),
                history.write("PATCH", organizationPath(id), member,
                        Map.of("organization", Map.of("name", "Audit Works Renamed")),
                        "rename-" + run),
                history.delete(memberPath(id, member.id()), owner, "remove-" + run));
        assertThat(writes).allSatisfy(answer ->
                assertThat(answer.status()).as(answer.text()).isIn(200, 201));
        JsonNode view = orgs.view(id, owner);
        long agentId = api.get("/v1/agents", owner).json().get(0).get("id").asLong();

        Answer page = history.trail(id, owner, "");

        List<JsonNode> events = events(page);
        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly(
                "OrganizationCreated", "MemberAdded", "SystemAgentProvisioned", "MemberAdded",
                "MemberRoleChanged", "OrganizationRenamed", "MemberRemoved");
        assertThat(events).extracting(event -> event.get("sequence").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events).extracting(event -> event.get("request_id").asText()).containsExactly(
                "create-" + run, "create-" + run, "create-" + run, "add-" + run,
                "promote-" + run, "rename-" + run, "remove-" + run);
        assertThat(events).extracting(event -> event.get("actor_user_id").asLong())
                .containsExactly(owner.id(), owner.id(), owner.id(), owner.id(), owner.id(),
                        member.id(), owner.id());
        assertThat(events).extracting(event -> event.get("event_id").asText())
                .doesNotHaveDuplicates()
                .allSatisfy(eventId -> assertThat(UUID.fromString(eventId)).isNotNull());
        assertThat(events).allSatisfy(event -> {
            assertThat(fieldNames(event)).containsExactlyInAnyOrder("sequence", "event_id", "type",
                    "revision", "occurred_at", "occurred_at_ts", "actor_user_id", "request_id",
                    "data");
            assertThat(event.get("revision").asText()).isEqualTo("1");
            assertThat(event.get("occurred_at").asText()).matches(ISO_MILLIS);
            assertThat(event.get("occurred_at_ts").asLong()).isEqualTo(
                    Instant.parse(event.get("occurred_at").asText()).toEpochMilli());
        });
        assertThat(events).extracting(event -> event.get("data")).containsExactly(
                json(Map.of("uuid", view.get("uuid").asText(), "name", "Audit Works")),
                json(Map.of("user_id", owner.id(), "role", "owner")),
                json(Map.of("agent_id", agentId, "name", "System Agent")),
                json(Map.of("user_id", member.id(), "role", "viewer")),
                json(Map.of("user_id", member.id(), "role", "manager",
                        "previous_role", "viewer")),
                json(Map.of("name", "Audit Works Renamed")),
                json(Map.of("user_id", member.id(), "role", "manager")));
        assertThat(events.get(0).get("occurred_at").asText())
                .isEqualTo(view.get("created_at").asText());
        assertThat(events.get(6).get("occurred_at").asText())
                .isEqualTo(view.get("updated_at").asText());
        assertThat(page.json().get("next_after").isNull()).isTrue();
        assertThat(page.text()).doesNotContain(owner.apiKey(), member.apiKey(), "api_key",
                "gen_pat_");
    }

    @Test
    void aWriteWithoutARequestIdIsStoredWithTheIdTheServiceGaveIt() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Unnamed Request Works");

        Answer renamed = orgs.rename(id, owner, "Named Request Works");

        List<JsonNode> events = history.wholeTrail(id, owner);
        assertThat(renamed.header("X-Request-Id")).isNotBlank();
        assertThat(events.get(events.size() - 1).get("request_id").asText())
                .isEqualTo(renamed.header("X-Request-Id"));
    }

    @Test
    void pagesFollowEachOtherByNextAfterUntilItIsNull() {
        TestUser owner = api.newUser();
        long id = organizationWithRenames(owner, "Paged Works", 9);

        Answer first = history.trail(id, owner, "limit=5");
        Answer second = history.trail(id, owner, "after=4&limit=5");
        Answer third = history.trail(id, owner, "after=9&limit=5");

        assertThat(sequences(events(first))).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(first.json().get("next_after").asLong()).isEqualTo(4);
        assertThat(sequences(events(second))).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(second.json().get("next_after").asLong()).isEqualTo(9);
        assertThat(sequences(events(third))).containsExactly(10L, 11L);
        assertThat(third.json().get("next_after").isNull()).isTrue();
    }

    @Test
    void aPageThatEndsExactlyAtTheLastEventSaysThereIsNothingMore() {
        TestUser owner = api.newUser();
        long id = organizationWithRenames(owner, "Exact Works", 9);

        Answer page = history.trail(id, owner, "after=6&limit=5");

        assertThat(sequences(events(page))).containsExactly(7L, 8L, 9L, 10L, 11L);
        assertThat(page.json().get("next_after").isNull()).isTrue();
    }

    @Test
    void afterTheLastEventThePageIsEmpty() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Quiet Works");

        Answer page = history.trail(id, owner, "after=2");

        assertThat(events(page)).isEmpty();
        assertThat(page.json().get("next_after").isNull()).isTrue();
    }

    @Test
    void theDefaultPageHoldsAHundredEvents() {
        LongHistory org = longHistory();

        Answer page = history.trail(org.id(), org.owner(), "");

        List<JsonNode> events = events(page);
        assertThat(events).hasSize(100);
        assertThat(sequences(events)).startsWith(0L).endsWith(99L).isSorted();
        assertThat(page.json().get("next_after").asLong()).isEqualTo(99);
    }

    @Test
    void noPageHoldsMoreThanFiveHundredEvents() {
        LongHistory org = longHistory();

        Answer first = history.trail(org.id(), org.owner(), "limit=99999999999");
        Answer rest = history.trail(org.id(), org.owner(),
                "after=" + first.json().get("next_after").asLong() + "&limit=500");

        assertThat(events(first)).hasSize(500);
        assertThat(first.json().get("next_after").asLong()).isEqualTo(499);
        assertThat(sequences(events(rest))).hasSize(org.events() - 500).startsWith(500L)
                .endsWith((long) org.events() - 1);
        assertThat(rest.json().get("next_after").isNull()).isTrue();
    }

    @ParameterizedTest(name = "limit={0} is refused")
    @ValueSource(strings = {"0", "-1", "abc", "1.5", ""})
    void aLimitThatIsNotAPositiveWholeNumberIsAValidationError(String limit) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Limit Works");

        Answer answer = history.trail(id, owner, "limit=" + limit);

        assertError(answer, 422, "validation_error");
        assertThat(answer.json().get("details").get(0).get("field").asText()).isEqualTo("limit");
    }

    @ParameterizedTest(name = "after={0} is refused")
    @ValueSource(strings = {"abc", "1.5", "", "1e3", "99999999999999999999"})
    void anAfterThatIsNotAWholeNumberIsAValidationError(String after) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "After Works");

        Answer answer = history.trail(id, owner, "after=" + after);

        assertError(answer, 422, "validation_error");
        assertThat(answer.json().get("details").get(0).get("field").asText()).isEqualTo("after");
    }

    @ParameterizedTest(name = "a {0} reading the trail answers {1}")
    @CsvSource({
        "owner,   200",
        "manager, 200",
        "editor,  403",
        "viewer,  403"
    })
    void onlyOwnersAndManagersReadTheTrail(String role, int expected) {
        TestUser founder = api.newUser();
        long id = api.newOrganization(founder, "Trail Rights " + role);
        TestUser reader = orgs.newMember(id, founder, role);

        Answer answer = history.trail(id, reader, "");

        if (expected == 200) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(sequences(events(answer))).containsExactly(0L, 1L, 2L, 3L);
        } else {
            assertError(answer, 403, "forbidden");
        }
    }

    @Test
    void aNonMemberIsToldTheOrganizationDoesNotExist() {
        TestUser owner = api.newUser();
        TestUser stranger = api.newUser();
        long id = api.newOrganization(owner, "Private Works");

        Answer answer = history.trail(id, stranger, "");

        assertError(answer, 422, "organization_not_found");
    }

    @ParameterizedTest(name = "organization id {0}")
    @ValueSource(strings = {"999999999999", "0", "abc"})
    void anUnknownOrganizationIsNotFound(String rawId) {
        TestUser user = api.newUser();

        Answer answer = api.get("/v1/organizations/" + rawId + "/events", user);

        assertError(answer, 422, "organization_not_found");
    }

    @Test
    void withoutAnApiKeyTheTrailIsUnauthorized() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Keyless Works");

        Answer answer = history.trail(id, null, "");

        assertError(answer, 401, "unauthorized");
    }

    @Test
    void theAdminReadsTheWholeTrailOfADeletedOrganizationWhileItsOwnerCannot() {
        TestUser owner = api.newUser();
        long id = organizationWithRenames(owner, "Deleted Works", 2);
        String run = UUID.randomUUID().toString();
        Answer deleted = history.delete(organizationPath(id), owner, "delete-" + run);
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);

        Answer asAdmin = history.adminTrail(id, "");
        Answer asOwner = history.trail(id, owner, "");

        List<JsonNode> events = events(asAdmin);
        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly(
                "OrganizationCreated", "MemberAdded", "SystemAgentProvisioned",
                "OrganizationRenamed", "OrganizationRenamed", "OrganizationDeleted");
        assertThat(sequences(events)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        JsonNode deletion = events.get(5);
        assertThat(deletion.get("actor_user_id").asLong()).isEqualTo(owner.id());
        assertThat(deletion.get("request_id").asText()).isEqualTo("delete-" + run);
        assertThat(deletion.get("data")).isEqualTo(JSON.createObjectNode());
        assertThat(asAdmin.json().get("next_after").isNull()).isTrue();
        assertError(asOwner, 422, "organization_not_found");
    }

    @Test
    void theAdminTrailOfALiveOrganizationIsTheOneItsOwnerReads() {
        TestUser owner = api.newUser();
        long id = organizationWithRenames(owner, "Shared Works", 3);

        Answer asAdmin = history.adminTrail(id, "after=1&limit=3");
        Answer asOwner = history.trail(id, owner, "after=1&limit=3");

        assertThat(asAdmin.status()).as(asAdmin.text()).isEqualTo(200);
        assertThat(asAdmin.json()).isEqualTo(asOwner.json());
        assertThat(sequences(events(asAdmin))).containsExactly(2L, 3L, 4L);
        assertThat(asAdmin.json().get("next_after").asLong()).isEqualTo(4);
    }

    @Test
    void theAdminIsToldAnOrganizationThatNeverExistedDoesNotExist() {
        Answer answer = history.adminTrail(NO_SUCH_ORGANIZATION, "");

        assertError(answer, 422, "organization_not_found");
    }

    @ParameterizedTest(name = "admin token \"{0}\"")
    @ValueSource(strings = {"", "wrong-token"})
    void theAdminTrailWithoutTheAdminTokenIsUnauthorized(String token) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Guarded Works");
        HttpRequest.Builder request = api.request(HistorySteps.adminTrailPath(id, ""), owner);
        if (!token.isEmpty()) {
            request.header("X-Admin-Token", token);
        }

        Answer answer = api.send(request.GET());

        assertError(answer, 401, "unauthorized");
    }

    private long organizationWithRenames(TestUser owner, String name, int renames) {
        long id = api.newOrganization(owner, name);
        for (int i = 1; i <= renames; i++) {
            Answer renamed = orgs.rename(id, owner, name + " " + i);
            assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        }
        return id;
    }

    /** Made on first use: 3 events of the creation and 510 renames, sent by 8 threads. */
    private LongHistory longHistory() {
        synchronized (AuditTrailTest.class) {
            if (longHistory == null) {
                TestUser owner = api.newUser();
                long id = api.newOrganization(owner, "Long Works");
                int renames = 510;
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    List<Future<Answer>> answers = new ArrayList<>();
                    for (int i = 0; i < renames; i++) {
                        String name = "Long Works " + i;
                        answers.add(pool.submit(() -> renameRetryingConflicts(id, owner, name)));
                    }
                    for (Future<Answer> answer : answers) {
                        Answer renamed = answer.get(60, TimeUnit.SECONDS);
                        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Could not write a long history", e);
                } finally {
                    pool.shutdownNow();
                }
                longHistory = new LongHistory(id, owner, 3 + renames);
            }
            return longHistory;
        }
    }

    private Answer renameRetryingConflicts(long id, TestUser owner, String name) {
        Answer answer = orgs.rename(id, owner, name);
        for (int retry = 0; retry < 5 && answer.status() == 409; retry++) {
            answer = orgs.rename(id, owner, name);
        }
        return answer;
    }

    private static List<Long> sequences(List<JsonNode> events) {
        return events.stream().map(event -> event.get("sequence").asLong()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The fields as they read after a trip through JSON text, numbers included. */
    private static JsonNode json(Map<String, Object> fields) {
        try {
            return JSON.readTree(JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
