package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.http.OrganizationSteps.assertError;
import static pro.gen.organizations.app.http.OrganizationSteps.organizationPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * An organization as it stood at one of its versions or at a moment, computed from its
 * events, for whoever is a member now.
 */
class PointInTimeTest extends ServiceTest {

    private OrganizationSteps orgs;
    private HistorySteps history;

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
        history = new HistorySteps(api);
    }

    /**
     * Tempo Zero is created (versions 0 to 2), renamed Tempo One (3), gains a viewer (4), is
     * renamed Tempo Two (5) and loses the viewer (6).
     */
    private record Tempo(long id, TestUser owner, TestUser viewer, List<JsonNode> events) {

        long millis(int version) {
            return events.get(version).get("occurred_at_ts").asLong();
        }

        String occurredAt(int version) {
            return events.get(version).get("occurred_at").asText();
        }
    }

    private Tempo tempo() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Tempo Zero");
        assertThat(orgs.rename(id, owner, "Tempo One").status()).isEqualTo(200);
        TestUser viewer = orgs.newMember(id, owner, "viewer");
        assertThat(orgs.rename(id, owner, "Tempo Two").status()).isEqualTo(200);
        assertThat(orgs.removeMember(id, owner, viewer.id()).status()).isEqualTo(200);
        List<JsonNode> events = history.wholeTrail(id, owner);
        assertThat(events).hasSize(7);
        return new Tempo(id, owner, viewer, events);
    }

    @Test
    void eachVersionShowsTheNameAndMembersOfThen() {
        Tempo org = tempo();
        JsonNode now = orgs.view(org.id(), org.owner());
        String[] names = {"Tempo Zero", "Tempo Zero", "Tempo Zero", "Tempo One", "Tempo One",
            "Tempo Two", "Tempo Two"};
        int[] members = {0, 1, 1, 1, 2, 2, 1};

        for (int version = 0; version <= 6; version++) {
            Answer answer = atVersion(org.id(), org.owner(), Integer.toString(version));

            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            JsonNode then = answer.json();
            assertThat(then.get("version").asLong()).as("version").isEqualTo(version);
            assertThat(then.get("name").asText()).as("name at %d", version)
                    .isEqualTo(names[version]);
            assertThat(then.get("total_members").asInt()).as("members at %d", version)
                    .isEqualTo(members[version]);
            assertThat(then.get("id").asLong()).isEqualTo(org.id());
            assertThat(then.get("organization_id").asLong()).isEqualTo(org.id());
            assertThat(then.get("uuid")).isEqualTo(now.get("uuid"));
            assertThat(then.get("created_at")).isEqualTo(now.get("created_at"));
            assertThat(then.get("user_role").asText()).isEqualTo("owner");
        }
    }

    @Test
    void eachVersionWasLastUpdatedByTheLatestRenameOrMembershipChangeUpToIt() {
        Tempo org = tempo();

        JsonNode three = atVersion(org.id(), org.owner(), "3").json();
        JsonNode four = atVersion(org.id(), org.owner(), "4").json();
        JsonNode five = atVersion(org.id(), org.owner(), "5").json();

        assertThat(three.get("updated_at").asText()).isEqualTo(org.occurredAt(3));
        assertThat(three.get("updated_at_ts").asLong()).isEqualTo(org.millis(3));
        assertThat(four.get("updated_at").asText()).isEqualTo(org.occurredAt(4));
        assertThat(five.get("updated_at").asText()).isEqualTo(org.occurredAt(5));
    }

    @Test
    void theLatestVersionIsTheOrganizationAsItIsNow() {
        Tempo org = tempo();

        Answer latest = atVersion(org.id(), org.owner(), "6");

        ObjectNode now = (ObjectNode) orgs.view(org.id(), org.owner());
        now.put("version", 6);
        assertThat(latest.json()).isEqualTo(now);
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"7", "100", "999999999999999999", "9223372036854775807"})
    void aVersionBeyondTheLastIsAValidationErrorThatNamesTheLatest(String version) {
        Tempo org = tempo();

        Answer answer = atVersion(org.id(), org.owner(), version);

        assertError(answer, 422, "validation_error");
        assertThat(answer.json().get("error").asText()).contains("latest version, 6");
    }

    @Test
    void betweenTwoRenamesTheOrganizationHasTheEarlierName() {
        Tempo org = tempo();
        String beforeFirstRename = between(org, 2, 3);
        String afterFirstRename = between(org, 3, 4);
        String whileTheViewerWasIn = between(org, 4, 5);
        String afterSecondRename = between(org, 5, 6);

        JsonNode zero = asOf(org.id(), org.owner(), beforeFirstRename).json();
        JsonNode one = asOf(org.id(), org.owner(), afterFirstRename).json();
        JsonNode crowded = asOf(org.id(), org.owner(), whileTheViewerWasIn).json();
        JsonNode two = asOf(org.id(), org.owner(), afterSecondRename).json();

        assertThat(zero.get("name").asText()).isEqualTo("Tempo Zero");
        assertThat(zero.get("version").asLong()).isEqualTo(2);
        assertThat(zero.get("total_members").asInt()).isEqualTo(1);
        assertThat(one.get("name").asText()).isEqualTo("Tempo One");
        assertThat(one.get("version").asLong()).isEqualTo(3);
        assertThat(crowded.get("name").asText()).isEqualTo("Tempo One");
        assertThat(crowded.get("version").asLong()).isEqualTo(4);
        assertThat(crowded.get("total_members").asInt()).isEqualTo(2);
        assertThat(two.get("name").asText()).isEqualTo("Tempo Two");
        assertThat(two.get("version").asLong()).isEqualTo(5);
        assertThat(two.get("total_members").asInt()).isEqualTo(2);
    }

    @Test
    void atTheMomentAnEventOccurredTheOrganizationAlreadyShowsIt() {
        Tempo org = tempo();

        for (int version = 0; version <= 6; version++) {
            Answer answer = asOf(org.id(), org.owner(), org.occurredAt(version));

            assertThat(answer.status()).as("as of event %d: %s", version, answer.text())
                    .isEqualTo(200);
            assertThat(answer.json().get("version").asLong()).as("as of event %d", version)
                    .isEqualTo(lastVersionAtOrBefore(org, org.occurredAt(version)));
        }
    }

    @Test
    void longAfterTheLastEventTheOrganizationIsAsItIsNow() {
        Tempo org = tempo();

        Answer answer = asOf(org.id(), org.owner(), "2999-01-01T00:00:00Z");

        assertThat(answer.json().get("version").asLong()).isEqualTo(6);
        assertThat(answer.json().get("name").asText()).isEqualTo("Tempo Two");
    }

    @Test
    void beforeTheOrganizationWasCreatedItIsNotFound() {
        Tempo org = tempo();

        Answer aSecondBefore = asOf(org.id(), org.owner(),
                Instant.ofEpochMilli(org.millis(0) - 1000).toString());
        Answer longBefore = asOf(org.id(), org.owner(), "2000-01-01T00:00:00Z");

        assertError(aSecondBefore, 422, "organization_not_found");
        assertError(longBefore, 422, "organization_not_found");
    }

    @Test
    void theRoleShownIsTheOneTheCallerHeldThenOrTheirPresentOneBeforeTheyJoined() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Career Works");
        TestUser member = orgs.newMember(id, owner, "viewer");
        assertThat(orgs.changeRole(id, owner, member.id(), "editor").status()).isEqualTo(200);

        JsonNode beforeJoining = atVersion(id, member, "2").json();
        JsonNode asViewer = atVersion(id, member, "3").json();
        JsonNode asEditor = atVersion(id, member, "4").json();

        assertThat(beforeJoining.get("user_role").asText()).isEqualTo("editor");
        assertThat(beforeJoining.get("total_members").asInt()).isEqualTo(1);
        assertThat(asViewer.get("user_role").asText()).isEqualTo("viewer");
        assertThat(asViewer.get("total_members").asInt()).isEqualTo(2);
        assertThat(asEditor.get("user_role").asText()).isEqualTo("editor");
    }

    @ParameterizedTest(name = "version={0}")
    @ValueSource(strings = {"abc", "-1", "1.5", "", " 1", "99999999999999999999"})
    void aVersionThatIsNotAWholeNumberIsAValidationError(String version) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Bad Version Works");

        Answer answer = atVersion(id, owner, version);

        assertError(answer, 422, "validation_error");
        assertThat(answer.json().get("details").get(0).get("field").asText())
                .isEqualTo("version");
    }

    @ParameterizedTest(name = "as_of={0}")
    @ValueSource(strings = {"yesterday", "2026-03-01", "2026-13-01T00:00:00Z",
        "2026-03-01 12:00:00", "1772366400000", ""})
    void aMomentThatIsNotAnIsoInstantIsAValidationError(String moment) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Bad Moment Works");

        Answer answer = asOf(id, owner, moment);

        assertError(answer, 422, "validation_error");
        assertThat(answer.json().get("details").get(0).get("field").asText())
                .isEqualTo("as_of");
    }

    @Test
    void askingForAVersionAndAMomentAtOnceIsAValidationError() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Both Works");

        Answer answer = api.get(organizationPath(id) + "?version=0&as_of=2999-01-01T00:00:00Z",
                owner);

        assertError(answer, 422, "validation_error");
    }

    @Test
    void aNonMemberIsToldTheOrganizationDoesNotExistAtAnyPoint() {
        Tempo org = tempo();
        TestUser stranger = api.newUser();

        Answer version = atVersion(org.id(), stranger, "3");
        Answer badVersion = atVersion(org.id(), stranger, "abc");
        Answer moment = asOf(org.id(), stranger, "2999-01-01T00:00:00Z");

        assertError(version, 422, "organization_not_found");
        assertError(badVersion, 422, "organization_not_found");
        assertError(moment, 422, "organization_not_found");
    }

    @Test
    void aFormerMemberIsToldTheOrganizationDoesNotExistEvenAtATimeTheyBelonged() {
        Tempo org = tempo();

        Answer answer = atVersion(org.id(), org.viewer(), "4");

        assertError(answer, 422, "organization_not_found");
    }

    @Test
    void aDeletedOrganizationIsNotFoundAtAnyPoint() {
        Tempo org = tempo();
        assertThat(orgs.delete(org.id(), org.owner()).status()).isEqualTo(200);

        Answer version = atVersion(org.id(), org.owner(), "3");
        Answer moment = asOf(org.id(), org.owner(), between(org, 3, 4));

        assertError(version, 422, "organization_not_found");
        assertError(moment, 422, "organization_not_found");
    }

    @Test
    void anUnknownOrganizationIsNotFoundAtAnyPoint() {
        TestUser user = api.newUser();

        Answer answer = atVersion(OrganizationSteps.NO_SUCH_ORGANIZATION, user, "0");

        assertError(answer, 422, "organization_not_found");
    }

    private Answer atVersion(long id, TestUser caller, String version) {
        return api.get(organizationPath(id) + "?version=" + encode(version), caller);
    }

    private Answer asOf(long id, TestUser caller, String moment) {
        return api.get(organizationPath(id) + "?as_of=" + encode(moment), caller);
    }

    /** A moment strictly between two events, at least a millisecond away from each. */
    private static String between(Tempo org, int earlier, int later) {
        long from = org.millis(earlier);
        long to = org.millis(later);
        assertThat(to - from).as("milliseconds between events %d and %d", earlier, later)
                .isGreaterThanOrEqualTo(4);
        return Instant.ofEpochMilli((from + to) / 2).toString();
    }

    private static long lastVersionAtOrBefore(Tempo org, String moment) {
        long version = -1;
        for (JsonNode event : org.events()) {
            if (event.get("occurred_at").asText().compareTo(moment) <= 0) {
                version = event.get("sequence").asLong();
            }
        }
        return version;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
