package pro.gen.organizations.app.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import pro.gen.organizations.api.Avatar;
import pro.gen.organizations.app.avatar.AvatarUrls;
import pro.gen.organizations.app.avatar.ImageFormat;
import pro.gen.organizations.query.AvatarFiles;
import pro.gen.organizations.query.AvatarFiles.StoredFile;

/**
 * Serves the stored avatar files to anyone, without a key: the addresses are the hashes of
 * the content, so a file never changes under its address and may be cached for good. The
 * type is told from the stored bytes, and browsers are told not to guess another.
 */
@RestController
public class AvatarController {

    static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

    private final AvatarFiles files;

    public AvatarController(AvatarFiles files) {
        this.files = files;
    }

    @GetMapping(AvatarUrls.PATH + "{hash}")
    ResponseEntity<byte[]> get(@PathVariable("hash") String hash,
                               HttpServletResponse response) {
        if (!Avatar.isHash(hash)) {
            throw ApiException.notFound("No such avatar.");
        }
        StoredFile file = files.find(hash)
                .orElseThrow(() -> ApiException.notFound("No such avatar."));
        // Every answer is given a charset up front, for JSON; an image has none.
        response.setCharacterEncoding((String) null);
        MediaType type = ImageFormat.of(file.content())
                .map(format -> MediaType.parseMediaType(format.mediaType()))
                .orElse(MediaType.APPLICATION_OCTET_STREAM);

        return ResponseEntity.ok()
                .contentType(type)
                .eTag('"' + file.hash() + '"')
                .header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(file.content());
    }
}
