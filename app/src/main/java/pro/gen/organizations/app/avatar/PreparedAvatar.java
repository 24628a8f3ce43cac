package pro.gen.organizations.app.avatar;

import java.util.List;
import pro.gen.organizations.api.Avatar;
import pro.gen.organizations.query.AvatarFiles.StoredFile;

/**
 * An upload that passed every check, re-encoded and with its thumbnail made: the files to
 * store and the facts that the organization records about them.
 *
 * @param avatar the facts for the command
 * @param image the re-encoded image
 * @param thumbnail its square thumbnail
 * @param source the format the upload came in
 */
public record PreparedAvatar(Avatar avatar, StoredFile image, StoredFile thumbnail,
                             ImageFormat source) {

    public List<StoredFile> files() {
        return List.of(image, thumbnail);
    }
}
