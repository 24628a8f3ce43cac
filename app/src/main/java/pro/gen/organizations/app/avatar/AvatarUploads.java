package pro.gen.organizations.app.avatar;

import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;
import pro.gen.organizations.query.AvatarFiles;

/**
 * Stores the files of an accepted upload around the command that names them: stored
 * before the command, so that its event never names a missing file, and dropped again when
 * the command is refused, so that nothing is left that no organization uses.
 */
@Component
public class AvatarUploads {

    private final AvatarFiles files;

    public AvatarUploads(AvatarFiles files) {
        this.files = files;
    }

    /**
     * Stores the avatar's files, then runs the command.
     *
     * @param command sends the command and tells whether the read models show its outcome
     * @throws RuntimeException the command's failure, after the files were let go
     */
    public void storeAround(PreparedAvatar avatar, BooleanSupplier command) {
        UUID upload = UUID.randomUUID();
        files.store(upload, avatar.files());
        boolean applied;
        try {
            applied = command.getAsBoolean();
        } catch (RuntimeException | Error e) {
            files.release(upload);
            throw e;
        }
        if (applied) {
            // The avatar-files projection has seen the event: the organization uses the files
            // now, or a later upload already replaced them and they can go.
            files.release(upload);
        }
        // Otherwise the claim stays until it expires and the sweep collects its files.
    }
}
