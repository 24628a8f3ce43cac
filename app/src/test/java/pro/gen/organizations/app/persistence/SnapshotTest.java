package pro.gen.organizations.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * Organizations are loaded from a snapshot once they have one; the service tests take one
 * every five events.
 */
class SnapshotTest extends ServiceTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOrganizationWithManyEventsIsLoadedFromItsSnapshot() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Snap 0");

        renameTimes(owner, id, 6);

        DomainEventMessage<?> first = firstLoaded(id);
        assertThat(first.getPayloadType().getSimpleName()).isEqualTo("Organization");
        assertThat(first.getSequenceNumber()).isGreaterThanOrEqualTo(5);
        String stored = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM snapshot_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1
                """, String.class, Long.toString(id));
        assertThat(stored).contains("\"members\"").contains("\"name\":\"Snap ");
    }

    @Test
    void anOrganizationLoadedFromItsSnapshotKeepsItsRules() {
        TestUser owner = api.newUser();
        TestUser viewer = api.newUser();
        long id = api.newOrganization(owner, "Snap rules");
        api.json("POST", "/v1/organizations/" + id + "/members", owner,
                Map.of("member", Map.of("user_id", viewer.id(), "role", "viewer")));
        renameTimes(owner, id, 6);

        Answer byViewer = rename(viewer, id, "Not allowed");
        Answer byOwner = rename(owner, id, "Allowed");

        assertThat(firstLoaded(id).getPayloadType().getSimpleName()).isEqualTo("Organization");
        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(byOwner.status()).isEqualTo(200);
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Allowed");
    }

    @Test
    void aDeletedOrganizationLoadedFromItsSnapshotRefusesEveryCommand() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Snap deleted");
        renameTimes(owner, id, 6);
        assertThat(firstLoaded(id).getPayloadType().getSimpleName()).isEqualTo("Organization");

        Answer deleted = api.delete("/v1/organizations/" + id, owner);
        Answer renameAfter = rename(owner, id, "Back from the dead");
        Answer deleteAfter = api.delete("/v1/organizations/" + id, owner);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(renameAfter.status()).isEqualTo(422);
        assertThat(renameAfter.errorCode()).isEqualTo("organization_not_found");
        assertThat(deleteAfter.errorCode()).isEqualTo("organization_not_found");
        Integer deletions = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%OrganizationDeleted'
                """, Integer.class, Long.toString(id));
        assertThat(deletions).isEqualTo(1);
    }

    private void renameTimes(TestUser owner, long id, int times) {
        for (int i = 1; i <= times; i++) {
            assertThat(rename(owner, id, "Snap " + i).status()).isEqualTo(200);
        }
    }

    private Answer rename(TestUser user, long id, String name) {
        return api.json("PATCH", "/v1/organizations/" + id, user,
                Map.of("organization", Map.of("name", name)));
    }

    private DomainEventMessage<?> firstLoaded(long id) {
        DomainEventStream stream = eventStore.readEvents(Long.toString(id));
        return stream.next();
    }
}
