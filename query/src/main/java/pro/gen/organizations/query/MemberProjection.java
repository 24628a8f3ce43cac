package pro.gen.organizations.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
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
import pro.gen.organizations.api.event.OrganizationDeleted;
import pro.gen.organizations.api.event.OrganizationEvent;
import pro.gen.organizations.api.query.FindMembers;
import pro.gen.organizations.api.query.MemberList;
import pro.gen.organizations.api.query.MemberView;

/**
 * The members of each organization with their roles and when they joined. Names and email
 * addresses are not copied into events: they are joined from the user directory on read.
 */
@Component
@ProcessingGroup(MemberProjection.GROUP)
public class MemberProjection {

    public static final String GROUP = "members";

    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;

    public MemberProjection(JdbcTemplate jdbc, ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @EventHandler
    void on(MemberAdded event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("""
                    INSERT INTO member_view (organization_id, user_id, role, joined_at)
                    VALUES (?, ?, ?, ?)
                    """, event.organizationId(), event.userId(), event.role().name(),
                    Timestamps.of(event.occurredAt()));
        }
    }

    @EventHandler
    void on(MemberRoleChanged event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("""
                    UPDATE member_view SET role = ?
                    WHERE organization_id = ? AND user_id = ?
                    """, event.role().name(), event.organizationId(), event.userId());
        }
    }

    @EventHandler
    void on(MemberRemoved event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("DELETE FROM member_view WHERE organization_id = ? AND user_id = ?",
                    event.organizationId(), event.userId());
        }
    }

    @EventHandler
    void on(OrganizationDeleted event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("DELETE FROM member_view WHERE organization_id = ?",
                    event.organizationId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM member_view");
        progress.forget(GROUP);
    }

    @QueryHandler
    public Optional<MemberList> handle(FindMembers query) {
        Integer asker = jdbc.queryForObject("""
                SELECT count(*) FROM member_view WHERE organization_id = ? AND user_id = ?
                """, Integer.class, query.organizationId(), query.userId());
        if (asker == null || asker == 0) {
            return Optional.empty();
        }

        List<MemberView> members = jdbc.query("""
                SELECT m.user_id, u.email, u.name, m.role, m.joined_at
                FROM member_view m
                JOIN app_user u ON u.id = m.user_id
                WHERE m.organization_id = ?
                ORDER BY m.user_id
                """, MemberProjection::member, query.organizationId());
        return Optional.of(new MemberList(members));
    }

    private boolean firstTime(OrganizationEvent event, long sequence) {
        return progress.firstTime(GROUP, event.organizationId(), sequence);
    }

    private static MemberView member(ResultSet row, int rowNumber) throws SQLException {
        return new MemberView(
                row.getLong("user_id"),
                row.getString("email"),
                row.getString("name"),
                Role.valueOf(row.getString("role")),
                Timestamps.read(row, "joined_at"));
    }
}
