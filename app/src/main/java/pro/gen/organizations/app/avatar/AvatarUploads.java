package pro.gen.organizations.app.avatar;

import java.util.UUID;
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
     * @throws RuntimeException the command's failure, after the files were let go
     */
    public void storeAround(PreparedAvatar avatar, Runnable command) {
        UUID upload = UUID.randomUUID();
        files.store(upload, avatar.files());
        try {
            command.run();
        } catch (RuntimeException | Error e) {
            files.abandon(upload);
            throw e;
        }
        files.finish(upload);
    }
}
