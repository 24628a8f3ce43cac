package pro.gen.organizations.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.event.MemberAdded;
import pro.gen.organizations.api.event.MemberRemoved;
import pro.gen.organizations.api.event.MemberRoleChanged;
import pro.gen.organizations.api.event.OrganizationAvatarChanged;
import pro.gen.organizations.api.event.OrganizationCreated;
import pro.gen.organizations.api.event.OrganizationDeleted;
import pro.gen.organizations.api.event.OrganizationEvent;
import pro.gen.organizations.api.event.OrganizationRenamed;
import pro.gen.organizations.api.query.FindOrganization;
import pro.gen.organizations.api.query.FindOrganizationsOfUser;
import pro.gen.organizations.api.query.OrganizationView;

/**
 * The organizations as each member sees them: one row per organization, with the hashes of
 * its avatar files, and one per member saying which organizations a user sees and with what
 * role.
 */
@Component
@ProcessingGroup(OrganizationProjection.GROUP)
public class OrganizationProjection {

    public static final String GROUP = "organizations";

    private static final String SELECT_VIEW = """
            SELECT o.id, o.uuid, o.name, o.total_members, o.created_at, o.updated_at,
                   o.avatar_hash, o.avatar_thumbnail_hash, a.role
            FROM organization_view o
            JOIN organization_access a ON a.organization_id = o.id
            """;

    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;

    public OrganizationProjection(JdbcTemplate jdbc, ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @EventHandler
    void on(OrganizationCreated event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("""
                    INSERT INTO organization_view
                        (id, uuid, name, total_members, created_at, updated_at)
                    VALUES (?, ?, ?, 0, ?, ?)
                    """, event.organizationId(), event.uuid(), event.name(),
                    Timestamps.of(event.occurredAt()), Timestamps.of(event.occurredAt()));
        }
    }

    @EventHandler
    void on(OrganizationRenamed event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("UPDATE organization_view SET name = ?, updated_at = ? WHERE id = ?",
                    event.name(), Timestamps.of(event.occurredAt()), event.organizationId());
        }
    }

    @EventHandler
    void on(OrganizationAvatarChanged event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("""
                    UPDATE organization_view
                    SET avatar_hash = ?, avatar_thumbnail_hash = ?, updated_at = ?
                    WHERE id = ?
                    """, event.imageHash(), event.thumbnailHash(),
                    Timestamps.of(event.occurredAt()), event.organizationId());
        }
    }

    @EventHandler
    void on(MemberAdded event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("""
                    INSERT INTO organization_access (organization_id, user_id, role)
                    VALUES (?, ?, ?)
                    """, event.organizationId(), event.userId(), event.role().name());
            countMembers(event);
        }
    }

    @EventHandler
    void on(MemberRoleChanged event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("""
                    UPDATE organization_access SET role = ?
                    WHERE organization_id = ? AND user_id = ?
                    """, event.role().name(), event.organizationId(), event.userId());
        }
    }

    @EventHandler
    void on(MemberRemoved event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("DELETE FROM organization_access WHERE organization_id = ? AND user_id = ?",
                    event.organizationId(), event.userId());
            countMembers(event);
        }
    }

    @EventHandler
    void on(OrganizationDeleted event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("DELETE FROM organization_access WHERE organization_id = ?",
                    event.organizationId());
            jdbc.update("DELETE FROM organization_view WHERE id = ?", event.organizationId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM organization_access");
        jdbc.update("DELETE FROM organization_view");
        progress.forget(GROUP);
    }

    @QueryHandler
    public Optional<OrganizationView> handle(FindOrganization query) {
        List<OrganizationView> found = jdbc.query(
                SELECT_VIEW + "WHERE o.id = ? AND a.user_id = ?",
                OrganizationProjection::view, query.organizationId(), query.userId());
        return found.stream().findFirst();
    }

    @QueryHandler
    public List<OrganizationView> handle(FindOrganizationsOfUser query) {
        return jdbc.query(SELECT_VIEW + "WHERE a.user_id = ? ORDER BY o.id",
                OrganizationProjection::view, query.userId());
    }

    private boolean firstTime(OrganizationEvent event, long sequence) {
        return progress.firstTime(GROUP, event.organizationId(), sequence);
    }

    /** The member count changes with the membership, and so does the last update time. */
    private void countMembers(OrganizationEvent event) {
        jdbc.update("""
                UPDATE organization_view
                SET total_members = (SELECT count(*) FROM organization_access
                                     WHERE organization_id = ?),
                    updated_at = ?
                WHERE id = ?
                """, event.organizationId(), Timestamps.of(event.occurredAt()),
                event.organizationId());
    }

    private static OrganizationView view(ResultSet row, int rowNumber) throws SQLException {
        return new OrganizationView(
                row.getLong("id"),
                row.getObject("uuid", UUID.class),
                row.getString("name"),
                Role.valueOf(row.getString("role")),
                row.getInt("total_members"),
                Timestamps.read(row, "created_at"),
                Timestamps.read(row, "updated_at"),
                row.getString("avatar_hash"),
                row.getString("avatar_thumbnail_hash"));
    }
}
