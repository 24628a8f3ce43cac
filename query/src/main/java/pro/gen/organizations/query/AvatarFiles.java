package pro.gen.organizations.query;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The avatar store: images and thumbnails in PostgreSQL, each kept once under the SHA-256
 * hash of its content and shared by every organization that uses the same content.
 *
 * <p>A file lives while an organization uses it (as the avatar-files projection records) or
 * while the upload that stored it waits for its command. Storing and deleting the same file
 * take the same lock, so a file stored for an upload in flight is never deleted under it.
 */
@Component
public class AvatarFiles {

    private static final Logger log = LoggerFactory.getLogger(AvatarFiles.class);

    /** How long an upload holds its files while its command is decided. */
    static final Duration UPLOAD_CLAIM = Duration.ofHours(1);

    /** The first key of every advisory lock taken here, so that they name avatar files. */
    private static final int LOCK_SPACE = 0x41564154;

    private static final String UNUSED = """
            NOT EXISTS (SELECT 1 FROM avatar_reference r
                        WHERE r.image_hash = f.hash OR r.thumbnail_hash = f.hash)
            AND NOT EXISTS (SELECT 1 FROM avatar_upload u
                            WHERE u.hash = f.hash AND u.expires_at > now())
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public AvatarFiles(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A stored file: its content and the media type it is served with. */
    public record StoredFile(String hash, String contentType, byte[] content) {
    }

    /**
     * Stores the files of an upload, which holds them until it is released or expires.
     * Content that is stored already is kept as it is.
     */
    public void store(UUID upload, List<StoredFile> files) {
        transaction.executeWithoutResult(status -> {
            for (StoredFile file : files.stream()
                    .sorted(Comparator.comparing(StoredFile::hash)).toList()) {
                lock(file.hash());
                jdbc.update("""
                        INSERT INTO avatar_file (hash, content_type, content, stored_at)
                        VALUES (?, ?, ?, now())
                        ON CONFLICT (hash) DO NOTHING
                        """, file.hash(), file.contentType(), file.content());
                jdbc.update("""
                        INSERT INTO avatar_upload (upload_id, hash, expires_at)
                        VALUES (?, ?, now() + ? * INTERVAL '1 second')
                        ON CONFLICT DO NOTHING
                        """, upload, file.hash(), UPLOAD_CLAIM.toSeconds());
            }
        });
    }

    /**
     * Ends an upload's claim on its files, once its command was refused or the avatar-files
     * projection has applied its event: files that an organization uses stay, the others
     * (refused, or already replaced by a later upload) go.
     */
    public void release(UUID upload) {
        transaction.executeWithoutResult(status -> {
            List<String> hashes = jdbc.queryForList(
                    "DELETE FROM avatar_upload WHERE upload_id = ? RETURNING hash",
                    String.class, upload);
            collect(hashes);
        });
    }

    /**
     * Collects the files of uploads whose claim expired: an upload whose command outlived
     * the wait for the read models, or whose instance stopped before the command was decided.
     *
     * @return how many claims expired
     */
    public int sweepExpiredUploads() {
        return transaction.execute(status -> {
            List<String> hashes = jdbc.queryForList(
                    "DELETE FROM avatar_upload WHERE expires_at <= now() RETURNING hash",
                    String.class);
            collect(hashes);
            return hashes.size();
        });
    }

    /** The file stored under a hash, if there is one. */
    public Optional<StoredFile> find(String hash) {
        return jdbc.query("SELECT hash, content_type, content FROM avatar_file WHERE hash = ?",
                (row, number) -> new StoredFile(row.getString("hash"),
                        row.getString("content_type"), row.getBytes("content")),
                hash).stream().findFirst();
    }

    /**
     * Deletes those of the files that no organization uses and no upload holds. It must run
     * inside the caller's transaction, whose reference changes it sees.
     */
    void collect(Collection<String> hashes) {
        for (String hash : hashes.stream().distinct().sorted().toList()) {
            lock(hash);
            int deleted = jdbc.update(
                    "DELETE FROM avatar_file f WHERE f.hash = ? AND " + UNUSED, hash);
            jdbc.update("DELETE FROM avatar_upload WHERE hash = ? AND expires_at <= now()", hash);
            if (deleted > 0) {
                log.debug("Avatar file [{}] deleted: nothing uses it any more", hash);
            }
        }
    }

    /**
     * Serializes, until the transaction ends, everything done to one file. Locks are always
     * taken in the order of the hashes, so that two transactions cannot wait for each other.
     */
    private void lock(String hash) {
        int key = (int) Long.parseLong(hash.substring(0, 8), 16);
        jdbc.query("SELECT pg_advisory_xact_lock(?, ?)",
                (ResultSetExtractor<Void>) result -> null, LOCK_SPACE, key);
    }
}
