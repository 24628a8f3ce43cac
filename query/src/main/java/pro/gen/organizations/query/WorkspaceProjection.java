package pro.gen.organizations.query;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import pro.gen.organizations.api.event.OrganizationCreated;
import pro.gen.organizations.api.event.OrganizationDeleted;
import pro.gen.organizations.api.event.OrganizationEvent;
import pro.gen.organizations.api.event.OrganizationRenamed;
import pro.gen.organizations.api.query.FindWorkspaces;
import pro.gen.organizations.api.query.WorkspaceView;

/**
 * Organizations seen as workspaces, a name per id. Who may see them, owners and managers,
 * is read from the organizations projection's access rows.
 */
@Component
@ProcessingGroup(WorkspaceProjection.GROUP)
public class WorkspaceProjection {

    public static final String GROUP = "workspaces";

    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;

    public WorkspaceProjection(JdbcTemplate jdbc, ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @EventHandler
    void on(OrganizationCreated event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("INSERT INTO workspace_view (id, name) VALUES (?, ?)",
                    event.organizationId(), event.name());
        }
    }

    @EventHandler
    void on(OrganizationRenamed event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("UPDATE workspace_view SET name = ? WHERE id = ?",
                    event.name(), event.organizationId());
        }
    }

    @EventHandler
    void on(OrganizationDeleted event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("DELETE FROM workspace_view WHERE id = ?", event.organizationId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM workspace_view");
        progress.forget(GROUP);
    }

    @QueryHandler
    public List<WorkspaceView> handle(FindWorkspaces query) {
        return jdbc.query("""
                SELECT w.id, w.name
                FROM workspace_view w
                JOIN organization_access a ON a.organization_id = w.id
                WHERE a.user_id = ? AND a.role IN ('OWNER', 'MANAGER')
                ORDER BY w.id
                """, (row, rowNumber) -> new WorkspaceView(row.getLong("id"),
                        row.getString("name")), query.userId());
    }

    private boolean firstTime(OrganizationEvent event, long sequence) {
        return progress.firstTime(GROUP, event.organizationId(), sequence);
    }
}
