package pro.gen.organizations.query;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import pro.gen.organizations.api.event.OrganizationAvatarChanged;
import pro.gen.organizations.api.event.OrganizationDeleted;
import pro.gen.organizations.api.event.OrganizationEvent;

/**
 * Keeps, for each organization, which avatar files it uses, and deletes a file from the
 * avatar store once no organization uses it any more: the old files when an avatar is
 * replaced, and all of them when the organization is deleted.
 *
 * <p>It deletes files, which no replay could bring back, so it is never replayed: its
 * references are the running record of what the events said, applied once each.
 */
@Component
@ProcessingGroup(AvatarFileProjection.GROUP)
@DisallowReplay
public class AvatarFileProjection {

    public static final String GROUP = "avatar-files";

    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;
    private final AvatarFiles files;

    public AvatarFileProjection(JdbcTemplate jdbc, ProjectionProgress progress,
                                AvatarFiles files) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.files = files;
    }

    @EventHandler
    void on(OrganizationAvatarChanged event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            List<String> previous = used(event.organizationId());
            jdbc.update("""
                    INSERT INTO avatar_reference (organization_id, image_hash, thumbnail_hash)
                    VALUES (?, ?, ?)
                    ON CONFLICT (organization_id) DO UPDATE
                        SET image_hash = EXCLUDED.image_hash,
                            thumbnail_hash = EXCLUDED.thumbnail_hash
                    """, event.organizationId(), event.imageHash(), event.thumbnailHash());
            files.collect(previous);
        }
    }

    @EventHandler
    void on(OrganizationDeleted event, @SequenceNumber long sequence) {
        if (firstTime(event, sequence)) {
            List<String> previous = used(event.organizationId());
            jdbc.update("DELETE FROM avatar_reference WHERE organization_id = ?",
                    event.organizationId());
            files.collect(previous);
        }
    }

    private List<String> used(long organizationId) {
        List<String> hashes = new ArrayList<>();
        jdbc.query("""
                SELECT image_hash, thumbnail_hash FROM avatar_reference
                WHERE organization_id = ?
                """, row -> {
                    hashes.add(row.getString("image_hash"));
                    hashes.add(row.getString("thumbnail_hash"));
                }, organizationId);
        return hashes;
    }

    private boolean firstTime(OrganizationEvent event, long sequence) {
        return progress.firstTime(GROUP, event.organizationId(), sequence);
    }
}
