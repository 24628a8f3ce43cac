package pro.gen.organizations.app.avatar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The public, absolute address of each stored avatar file. */
@Component
public class AvatarUrls {

    /** Where the files are served, outside the API's authenticated paths. */
    public static final String PATH = "/avatars/";

    private final String base;

    public AvatarUrls(@Value("${orgs.public-base-url}") String publicBaseUrl) {
        this.base = publicBaseUrl.replaceAll("/+$", "");
    }

    /** The URL of the file stored under a hash; null for no file. */
    public String of(String hash) {
        return hash == null ? null : base + PATH + hash;
    }
}
