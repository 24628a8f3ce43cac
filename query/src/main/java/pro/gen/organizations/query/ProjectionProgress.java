package pro.gen.organizations.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers, per projection and organization, the last event sequence applied, so that an
 * event delivered twice (after a crash between writing and storing the token, or during a
 * replay that overlaps) is applied once. It runs in the same transaction as the projection's
 * own write.
 */
@Component
public class ProjectionProgress {

    private final JdbcTemplate jdbc;

    public ProjectionProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that an event is being applied.
     *
     * @return true when the event is new to this projection and must be applied; false when
     *         it, or a later event of the same organization, was applied already
     */
    public boolean firstTime(String processingGroup, long organizationId, long sequence) {
        int updated = jdbc.update("""
                INSERT INTO projection_progress (processing_group, organization_id, last_sequence)
                VALUES (?, ?, ?)
                ON CONFLICT (processing_group, organization_id) DO UPDATE
                    SET last_sequence = EXCLUDED.last_sequence
                    WHERE projection_progress.last_sequence < EXCLUDED.last_sequence
                """, processingGroup, organizationId, sequence);
        return updated == 1;
    }

    /** Forgets everything a projection applied, before it is rebuilt from the first event. */
    public void forget(String processingGroup) {
        jdbc.update("DELETE FROM projection_progress WHERE processing_group = ?", processingGroup);
    }
}
