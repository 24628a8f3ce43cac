package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.http.OrganizationSteps.assertError;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * What the service leaves in PostgreSQL's event store, after whatever else ran in the same
 * database and after a history of its own: every kind of write, enough events for snapshots,
 * and a deletion.
 */
class EventStoreTest extends ServiceTest {

    @Autowired
    private JdbcTemplate jdbc;

    private OrganizationSteps orgs;

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
    }

    @Test
    void theGlobalIndexHasNoDuplicates() {
        historyOfOneOrganization();

        Long duplicated = count("""
                SELECT count(*) FROM (
                    SELECT global_index FROM domain_event_entry
                    GROUP BY global_index HAVING count(*) > 1) d
                """);

        assertThat(duplicated).isZero();
    }

    @Test
    void eachOrganizationsEventsAreNumberedFromZeroWithoutGapsInGlobalOrder() {
        historyOfOneOrganization();

        Long badlyNumbered = count("""
                SELECT count(*) FROM (
                    SELECT aggregate_identifier FROM domain_event_entry
                    GROUP BY aggregate_identifier
                    HAVING min(sequence_number) <> 0
                        OR max(sequence_number) + 1 <> count(*)) a
                """);
        Long outOfOrder = count("""
                SELECT count(*) FROM (
                    SELECT sequence_number, lag(sequence_number) OVER (
                        PARTITION BY aggregate_identifier ORDER BY global_index) AS previous
                    FROM domain_event_entry) e
                WHERE previous IS NOT NULL AND sequence_number <> previous + 1
                """);

        assertThat(badlyNumbered).isZero();
        assertThat(outOfOrder).isZero();
    }

    @Test
    void payloadsAndMetadataAreStoredAsByteaHoldingJson() {
        long id = historyOfOneOrganization();

        List<String> eventColumns = columnTypes("domain_event_entry", "payload", "meta_data");
        List<String> snapshotColumns = columnTypes("snapshot_event_entry", "payload",
                "meta_data");
        Long notJson = count("""
                SELECT count(*) FROM domain_event_entry
                WHERE get_byte(payload, 0) <> ascii('{') OR get_byte(meta_data, 0) <> ascii('{')
                """);
        Long ownEvents = count("SELECT count(*) FROM domain_event_entry"
                + " WHERE aggregate_identifier = '" + id + "'");

        assertThat(eventColumns).containsExactly("bytea", "bytea");
        assertThat(snapshotColumns).containsExactly("bytea", "bytea");
        assertThat(notJson).isZero();
        assertThat(ownEvents).isGreaterThanOrEqualTo(10);
    }

    @Test
    void organizationsWithManyEventsAreSnapshotted() {
        long id = historyOfOneOrganization();

        Long snapshots = count("SELECT count(*) FROM snapshot_event_entry"
                + " WHERE aggregate_identifier = '" + id + "'");

        assertThat(snapshots).isPositive();
    }

    @Test
    void trackingTokensAreStoredAsBytea() {
        historyOfOneOrganization();

        List<String> tokenColumn = columnTypes("token_entry", "token");
        List<String> processors = jdbc.queryForList("""
                SELECT processor_name FROM token_entry WHERE token IS NOT NULL
                ORDER BY processor_name
                """, String.class);

        assertThat(tokenColumn).containsExactly("bytea");
        assertThat(processors).contains("agents", "members", "organizations", "workspaces");
    }

    @Test
    void theServiceStoresNoLargeObjects() {
        historyOfOneOrganization();

        Long largeObjects = count("SELECT count(*) FROM pg_largeobject_metadata");

        assertThat(largeObjects).isZero();
    }

    /** Creates an organization and takes it through every kind of write, up to deletion. */
    private long historyOfOneOrganization() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "History Works");
        TestUser member = orgs.newMember(id, owner, "viewer");
        assertThat(orgs.changeRole(id, owner, member.id(), "manager").status()).isEqualTo(200);
        for (int i = 1; i <= 4; i++) {
            assertThat(orgs.rename(id, member, "History Works " + i).status()).isEqualTo(200);
        }
        assertThat(orgs.removeMember(id, member, member.id()).status()).isEqualTo(200);
        assertThat(orgs.rename(id, owner, "History Works, Last").status()).isEqualTo(200);
        assertThat(orgs.delete(id, owner).status()).isEqualTo(200);
        assertError(orgs.rename(id, owner, "After Deletion"), 422, "organization_not_found");
        return id;
    }

    private Long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private List<String> columnTypes(String table, String... columns) {
        return Arrays.stream(columns)
                .map(column -> jdbc.queryForObject("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_name = ? AND column_name = ?
                        """, String.class, table, column))
                .toList();
    }
}
