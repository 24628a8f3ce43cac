package pro.gen.organizations.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import pro.gen.organizations.api.event.OrganizationDeleted;
import pro.gen.organizations.api.event.OrganizationEvent;
import pro.gen.organizations.api.event.SystemAgentProvisioned;
import pro.gen.organizations.api.query.AgentView;
import pro.gen.organizations.api.query.FindAgents;

/**
 * The agents of each organization. Who may see them, owners and managers, is read from the
 * organizations projection's access rows.
 */
@Component
@ProcessingGroup(AgentProjection.GROUP)
public class AgentProjection {

    public static final String GROUP = "agents";

    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;

    public AgentProjection(JdbcTemplate jdbc, ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @EventHandler
    void on(SystemAgentProvisioned event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("""
                    INSERT INTO agent_view (id, organization_id, name, system, created_at)
                    VALUES (?, ?, ?, TRUE, ?)
                    """, event.agentId(), event.organizationId(), event.name(),
                    Timestamps.of(event.occurredAt()));
        }
    }

    @EventHandler
    void on(OrganizationDeleted event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            jdbc.update("DELETE FROM agent_view WHERE organization_id = ?",
                    event.organizationId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM agent_view");
        progress.forget(GROUP);
    }

    @QueryHandler
    public List<AgentView> handle(FindAgents query) {
        return jdbc.query("""
                SELECT g.id, g.name, g.organization_id, g.system, g.created_at
                FROM agent_view g
                JOIN organization_access a ON a.organization_id = g.organization_id
                WHERE a.user_id = ?
                  AND a.role IN ('OWNER', 'MANAGER')
                  AND (CAST(? AS BIGINT) IS NULL OR g.organization_id = ?)
                ORDER BY g.id
                """, AgentProjection::agent, query.userId(), query.workspaceId(),
                query.workspaceId());
    }

    private boolean firstTime(OrganizationEvent event, long sequence) {
        return progress.firstTime(GROUP, event.organizationId(), sequence);
    }

    private static AgentView agent(ResultSet row, int rowNumber) throws SQLException {
        return new AgentView(
                row.getLong("id"),
                row.getString("name"),
                row.getLong("organization_id"),
                row.getBoolean("system"),
                Timestamps.read(row, "created_at"));
    }
}
