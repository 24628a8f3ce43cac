package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.TestImages.animatedGif;
import static pro.gen.organizations.app.support.TestImages.decode;
import static pro.gen.organizations.app.support.TestImages.gif;
import static pro.gen.organizations.app.support.TestImages.gifClaiming;
import static pro.gen.organizations.app.support.TestImages.gifOfFrames;
import static pro.gen.organizations.app.support.TestImages.jpeg;
import static pro.gen.organizations.app.support.TestImages.jpegClaiming;
import static pro.gen.organizations.app.support.TestImages.picture;
import static pro.gen.organizations.app.support.TestImages.png;
import static pro.gen.organizations.app.support.TestImages.pngClaiming;
import static pro.gen.organizations.app.support.TestImages.webp;
import static pro.gen.organizations.app.support.TestImages.webpFrameStart;
import static pro.gen.organizations.app.support.TestImages.withWebpCanvas;
import static pro.gen.organizations.app.support.TestImages.withWebpFrame;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.avatar.AvatarSweep;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

class AvatarsTest extends ServiceTest {

    private static final String AVATAR = "organization[avatar]";
    private static final String NAME = "organization[name]";
    private static final String PUBLIC_BASE = "http://localhost:8080/avatars/";
    private static final AtomicInteger SEEDS = new AtomicInteger(100);

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private AvatarSweep sweep;

    static Stream<Arguments> acceptedUploads() {
        return Stream.of(
                accepted("JPEG", jpeg(picture(320, 200, false, 1)), "image/jpeg", 320, 200),
                accepted("PNG", png(picture(300, 200, false, 2)), "image/png", 300, 200),
                accepted("PNG with alpha", png(picture(200, 300, true, 3)), "image/png",
                        200, 300),
                accepted("GIF", gif(picture(120, 80, false, 4)), "image/png", 120, 80),
                accepted("animated GIF", animatedGif(3, 96), "image/png", 96, 96),
                accepted("lossy WebP", webp("lossy.webp"), "image/jpeg", 320, 200),
                accepted("lossless WebP", webp("lossless.webp"), "image/png", 320, 200),
                accepted("WebP with alpha", webp("alpha.webp"), "image/png", 200, 320),
                accepted("lossless WebP with alpha", webp("lossless-alpha.webp"), "image/png",
                        200, 320),
                accepted("animated WebP", webp("animated.webp"), "image/png", 96, 96),
                accepted("lossy animated WebP", webp("animated-lossy.webp"), "image/png",
                        96, 96),
                accepted("animated GIF with frames of their own sizes and places",
                        gifOfFrames(200, 150, new int[] {0, 0, 200, 150},
                                new int[] {20, 10, 100, 80}, new int[] {100, 70, 100, 80}),
                        "image/png", 200, 150));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedUploads")
    void anOrganizationCreatedWithAnAvatarServesItAndItsThumbnail(
            byte[] upload, String type, int width, int height) {
        TestUser owner = api.newUser();

        Answer created = api.multipart("POST", "/v1/organizations", owner,
                Map.of(NAME, "Pictured"), AVATAR, upload);

        assertThat(created.status()).isEqualTo(201);
        JsonNode avatar = avatarOf(owner, created.json().get("organization_id").asLong());
        Answer image = fetch(avatar.get("url").asText());
        assertServed(image, type);
        BufferedImage decoded = decode(image.raw().body());
        assertThat(decoded.getWidth()).isEqualTo(width);
        assertThat(decoded.getHeight()).isEqualTo(height);
        Answer thumbnail = fetch(avatar.get("thumbnail_url").asText());
        assertServed(thumbnail, type);
        assertThat(decode(thumbnail.raw().body()).getWidth()).isEqualTo(256);
        assertThat(decode(thumbnail.raw().body()).getHeight()).isEqualTo(256);
    }

    @Test
    void anOrganizationWithoutAnAvatarHasNullUrls() {
        TestUser owner = api.newUser();

        long id = api.newOrganization(owner, "Plain");

        JsonNode avatar = avatarOf(owner, id);
        assertThat(avatar.get("url").isNull()).isTrue();
        assertThat(avatar.get("thumbnail_url").isNull()).isTrue();
    }

    static Stream<Arguments> refusedUploads() {
        byte[] jpeg = jpeg(picture(320, 200, false, 5));
        byte[] webp = webp("animated.webp");
        int[] full = {0, 0, 96, 96};
        byte[] twoFrameGif = gifOfFrames(96, 96, full, full);
        return Stream.of(
                refused("SVG with a script", text("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                        + "<script>alert(document.cookie)</script></svg>"), "must be a JPEG"),
                refused("HTML", text("<html><body><script>alert(1)</script></body></html>"),
                        "must be a JPEG"),
                refused("text", text("hello"), "must be a JPEG"),
                refused("empty file", new byte[0], "is empty"),
                refused("PNG signature and nothing else",
                        Arrays.copyOf(png(picture(8, 8, false, 6)), 8), "could not be decoded"),
                refused("truncated JPEG", Arrays.copyOf(jpeg, jpeg.length / 2),
                        "could not be decoded"),
                refused("5 MiB + 1 byte", Arrays.copyOf(jpeg, 5 * 1024 * 1024 + 1),
                        "is too large (at most 5 MiB)"),
                refused("PNG claiming 30000 x 30000", pngClaiming(30000, 30000),
                        "is too large: 30000 x 30000 pixels"),
                refused("GIF claiming 65535 x 65535", gifClaiming(65535, 65535),
                        "is too large: 65535 x 65535 pixels"),
                refused("JPEG claiming 30000 x 30000", jpegClaiming(30000, 30000),
                        "is too large: 30000 x 30000 pixels"),
                refused("animated WebP with a 16777216 x 16777216 canvas",
                        withWebpCanvas(webp, 16777216, 16777216),
                        "is too large: 16777216 x 16777216 pixels"),
                refused("animated WebP whose frame 2 claims 16000000 x 16000000",
                        withWebpFrame(webp, 2, 0, 0, 16000000, 16000000),
                        "is too large: frame 2 is 16000000 x 16000000 pixels at 0, 0"),
                refused("animated WebP whose frame 2 sits 16000000 pixels right",
                        withWebpFrame(webp, 2, 16000000, 0, 96, 96),
                        "is too large: frame 2 is 96 x 96 pixels at 16000000, 0"),
                refused("animated WebP cut in frame 2",
                        Arrays.copyOf(webp, webpFrameStart(webp, 2) + 100),
                        "could not be decoded"),
                refused("GIF whose frame 2 claims 60000 x 60000",
                        gifOfFrames(96, 96, full, new int[] {0, 0, 60000, 60000}),
                        "is too large: frame 2 is 60000 x 60000 pixels at 0, 0"),
                refused("GIF whose logical screen is 5000 pixels wide",
                        gifOfFrames(5000, 96, full, full), "is too large: 5000 x 96 pixels"),
                refused("GIF cut in frame 2",
                        Arrays.copyOf(twoFrameGif, twoFrameGif.length * 3 / 4),
                        "could not be decoded"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedUploads")
    void aRefusedUploadIsAnsweredWithTheReasonAndChangesNothing(byte[] upload, String reason) {
        TestUser owner = api.newUser();
        long id = createdWithAvatar(owner, uniquePng());
        JsonNode before = avatarOf(owner, id);
        long files = fileCount();

        long start = System.nanoTime();
        Answer answer = api.multipart("PATCH", "/v1/organizations/" + id, owner,
                Map.of(NAME, "Renamed"), AVATAR, upload);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo("validation_error");
        assertThat(answer.json().at("/details/0/field").asText()).isEqualTo(AVATAR);
        assertThat(answer.json().at("/details/0/message").asText()).startsWith(reason);
        assertThat(millis).isLessThan(3000);
        JsonNode view = api.get("/v1/organizations/" + id, owner).json();
        assertThat(view.get("name").asText()).isEqualTo("Before");
        assertThat(view.get("avatar")).isEqualTo(before);
        assertThat(fileCount()).isEqualTo(files);
        assertThat(claimCount()).isZero();
    }

    @Test
    void aCreationWithARefusedAvatarCreatesNothing() {
        TestUser owner = api.newUser();
        long files = fileCount();

        Answer answer = api.multipart("POST", "/v1/organizations", owner,
                Map.of(NAME, "Never"), AVATAR, text("<svg onload=alert(1)>"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/details/0/field").asText()).isEqualTo(AVATAR);
        assertThat(api.get("/v1/organizations", owner).json()).isEmpty();
        assertThat(fileCount()).isEqualTo(files);
    }

    @Test
    void anAvatarCanOnlyComeAsAFilePart() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Before");

        Answer json = api.json("PATCH", "/v1/organizations/" + id, owner,
                Map.of("organization", Map.of("avatar", "https://example.com/a.png")));
        Answer form = api.form("PATCH", "/v1/organizations/" + id, owner,
                Map.of(AVATAR, "a.png"));

        for (Answer answer : new Answer[] {json, form}) {
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.json().at("/details/0/field").asText()).isEqualTo(AVATAR);
            assertThat(answer.json().at("/details/0/message").asText())
                    .isEqualTo("must be a file sent as multipart/form-data");
        }
    }

    @Test
    void aBodyFarOverEveryLimitIsPayloadTooLarge() {
        TestUser owner = api.newUser();
        long id = createdWithAvatar(owner, uniquePng());
        JsonNode before = avatarOf(owner, id);

        Answer answer = api.multipart("PATCH", "/v1/organizations/" + id, owner, Map.of(),
                AVATAR, new byte[8 * 1024 * 1024]);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errorCode()).isEqualTo("payload_too_large");
        assertThat(avatarOf(owner, id)).isEqualTo(before);
    }

    @Test
    void aPatchWithANewAvatarChangesBothUrlsAndDropsTheOldFiles() {
        TestUser owner = api.newUser();
        long id = createdWithAvatar(owner, uniquePng());
        JsonNode before = avatarOf(owner, id);

        Answer answer = api.multipart("PATCH", "/v1/organizations/" + id, owner,
                Map.of(NAME, "Renamed"), AVATAR, jpeg(picture(200, 200, false, nextSeed())));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode view = api.get("/v1/organizations/" + id, owner).json();
        JsonNode after = view.get("avatar");
        assertThat(view.get("name").asText()).isEqualTo("Renamed");
        assertThat(after.get("url").asText()).isNotEqualTo(before.get("url").asText());
        assertThat(after.get("thumbnail_url").asText())
                .isNotEqualTo(before.get("thumbnail_url").asText());
        assertServed(fetch(after.get("url").asText()), "image/jpeg");
        assertThat(fetch(before.get("url").asText()).status()).isEqualTo(404);
        assertThat(fetch(before.get("thumbnail_url").asText()).status()).isEqualTo(404);
    }

    @Test
    void theSameAvatarAgainChangesNothing() {
        TestUser owner = api.newUser();
        byte[] upload = uniquePng();
        long id = createdWithAvatar(owner, upload);
        JsonNode before = api.get("/v1/organizations/" + id, owner).json();

        Answer answer = api.multipart("PATCH", "/v1/organizations/" + id, owner, Map.of(),
                AVATAR, upload);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(api.get("/v1/organizations/" + id, owner).json()).isEqualTo(before);
        assertServed(fetch(before.at("/avatar/url").asText()), "image/png");
        assertThat(claimCount()).isZero();
    }

    @Test
    void deletingAnOrganizationDeletesItsAvatarFiles() {
        TestUser owner = api.newUser();
        long id = createdWithAvatar(owner, uniquePng());
        JsonNode avatar = avatarOf(owner, id);

        assertThat(api.delete("/v1/organizations/" + id, owner).status()).isEqualTo(200);

        Answer image = fetch(avatar.get("url").asText());
        assertThat(image.status()).isEqualTo(404);
        assertThat(image.errorCode()).isEqualTo("not_found");
        assertThat(fetch(avatar.get("thumbnail_url").asText()).status()).isEqualTo(404);
    }

    @Test
    void avatarsUploadedAtOnceLeaveOnlyTheLastOnesFilesAndNoneAfterDelete() throws Exception {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Racing avatars");
        List<byte[]> uploads = Stream.generate(AvatarsTest::uniquePng).limit(16).toList();
        ExecutorService pool = Executors.newFixedThreadPool(uploads.size());

        List<Future<Answer>> answers = new ArrayList<>();
        for (byte[] upload : uploads) {
            answers.add(pool.submit(() -> api.multipart("PATCH", "/v1/organizations/" + id,
                    owner, Map.of(), AVATAR, upload)));
        }
        for (Future<Answer> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        pool.shutdown();
        JsonNode current = avatarOf(owner, id);
        List<String> stored = jdbc.queryForList("""
                SELECT h FROM domain_event_entry e,
                    LATERAL (VALUES (convert_from(e.payload, 'UTF8')::json->>'imageHash'),
                                    (convert_from(e.payload, 'UTF8')::json->>'thumbnailHash'))
                        AS hashes(h)
                WHERE e.aggregate_identifier = ?
                  AND e.payload_type LIKE '%OrganizationAvatarChanged'
                """, String.class, Long.toString(id));
        List<String> kept = stored.stream()
                .filter(hash -> fetch(PUBLIC_BASE + hash).status() == 200).distinct().toList();

        assertThat(stored).hasSize(2 * uploads.size());
        assertThat(kept).containsExactlyInAnyOrder(pathOf(current.get("url").asText())
                        .substring("/avatars/".length()),
                pathOf(current.get("thumbnail_url").asText()).substring("/avatars/".length()));
        assertThat(claimCount()).isZero();

        api.delete("/v1/organizations/" + id, owner);

        assertThat(stored).allSatisfy(hash ->
                assertThat(fetch(PUBLIC_BASE + hash).status()).isEqualTo(404));
    }

    @Test
    void theSweepCollectsFilesWhoseUploadClaimRanOutUnreleased() {
        String orphan = "0".repeat(63) + "a";
        String claimed = "0".repeat(63) + "b";
        for (String hash : List.of(orphan, claimed)) {
            jdbc.update("""
                    INSERT INTO avatar_file (hash, content_type, content, stored_at)
                    VALUES (?, 'image/png', ?, now())
                    """, hash, png(picture(8, 8, false, nextSeed())));
        }
        jdbc.update("""
                INSERT INTO avatar_upload (upload_id, hash, expires_at) VALUES
                    (gen_random_uuid(), ?, now() - INTERVAL '1 minute'),
                    (gen_random_uuid(), ?, now() + INTERVAL '1 hour')
                """, orphan, claimed);

        sweep.sweep();

        assertThat(fetch(PUBLIC_BASE + orphan).status()).isEqualTo(404);
        assertThat(fetch(PUBLIC_BASE + claimed).status()).isEqualTo(200);
        jdbc.update("DELETE FROM avatar_upload WHERE hash = ?", claimed);
        jdbc.update("DELETE FROM avatar_file WHERE hash = ?", claimed);
    }

    @Test
    void filesSharedWithAnotherOrganizationStayUntilTheLastOneGoes() {
        TestUser owner = api.newUser();
        byte[] upload = uniquePng();
        long first = createdWithAvatar(owner, upload);
        long second = createdWithAvatar(owner, upload);
        JsonNode avatar = avatarOf(owner, first);
        assertThat(avatarOf(owner, second)).isEqualTo(avatar);

        api.delete("/v1/organizations/" + first, owner);

        assertServed(fetch(avatar.get("url").asText()), "image/png");
        assertServed(fetch(avatar.get("thumbnail_url").asText()), "image/png");

        api.delete("/v1/organizations/" + second, owner);

        assertThat(fetch(avatar.get("url").asText()).status()).isEqualTo(404);
        assertThat(fetch(avatar.get("thumbnail_url").asText()).status()).isEqualTo(404);
    }

    @Test
    void anAvatarAChangeRefusedByTheOrganizationLeavesNoFileBehind() {
        TestUser owner = api.newUser();
        TestUser viewer = api.newUser();
        long id = api.newOrganization(owner, "Guarded");
        api.json("POST", "/v1/organizations/" + id + "/members", owner,
                Map.of("member", Map.of("user_id", viewer.id(), "role", "viewer")));
        long files = fileCount();

        Answer answer = api.multipart("PATCH", "/v1/organizations/" + id, viewer, Map.of(),
                AVATAR, uniquePng());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(avatarOf(owner, id).get("url").isNull()).isTrue();
        assertThat(fileCount()).isEqualTo(files);
        assertThat(claimCount()).isZero();
    }

    @Test
    void aJpegWithMarkupAfterItsEndIsServedWithoutIt() {
        TestUser owner = api.newUser();
        byte[] jpeg = jpeg(picture(100, 100, false, nextSeed()));
        byte[] html = text("<html><script>alert(document.domain)</script></html>");
        byte[] polyglot = Arrays.copyOf(jpeg, jpeg.length + html.length);
        System.arraycopy(html, 0, polyglot, jpeg.length, html.length);

        long id = createdWithAvatar(owner, polyglot);

        Answer image = fetch(avatarOf(owner, id).get("url").asText());
        assertServed(image, "image/jpeg");
        assertThat(new String(image.raw().body(), StandardCharsets.ISO_8859_1))
                .doesNotContain("<script").doesNotContain("html");
    }

    @Test
    void anAvatarIsServedToAnyoneAndRevalidatesByItsETag() {
        TestUser owner = api.newUser();
        long id = createdWithAvatar(owner, uniquePng());
        String path = pathOf(avatarOf(owner, id).get("url").asText());
        Answer first = api.get(path, null);

        Answer again = api.send(api.request(path, null)
                .header("If-None-Match", first.header("ETag")).GET());

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.raw().body()).isEmpty();
    }

    @Test
    void anUnknownOrMalformedHashIsNotFound() {
        for (String hash : new String[] {"0".repeat(64), "not-a-hash", "A".repeat(64)}) {
            Answer answer = api.get("/avatars/" + hash, null);

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.errorCode()).isEqualTo("not_found");
            assertThat(answer.header("Content-Type")).startsWith("application/json");
        }
    }

    private long createdWithAvatar(TestUser owner, byte[] upload) {
        Answer created = api.multipart("POST", "/v1/organizations", owner,
                Map.of(NAME, "Before"), AVATAR, upload);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("organization_id").asLong();
    }

    private JsonNode avatarOf(TestUser user, long id) {
        Answer view = api.get("/v1/organizations/" + id, user);
        assertThat(view.status()).isEqualTo(200);
        return view.json().get("avatar");
    }

    private Answer fetch(String url) {
        return api.get(pathOf(url), null);
    }

    private static String pathOf(String url) {
        assertThat(url).startsWith(PUBLIC_BASE);
        return url.substring(PUBLIC_BASE.length() - "/avatars/".length());
    }

    private static void assertServed(Answer answer, String type) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo(type);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Cache-Control"))
                .isEqualTo("public, max-age=31536000, immutable");
        String hash = answer.raw().uri().getPath().substring("/avatars/".length());
        assertThat(answer.header("ETag")).isEqualTo('"' + hash + '"');
    }

    private long fileCount() {
        return jdbc.queryForObject("SELECT count(*) FROM avatar_file", Long.class);
    }

    private long claimCount() {
        return jdbc.queryForObject("SELECT count(*) FROM avatar_upload", Long.class);
    }

    private static byte[] uniquePng() {
        return png(picture(64, 48, false, nextSeed()));
    }

    private static int nextSeed() {
        return SEEDS.incrementAndGet();
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Arguments accepted(String name, byte[] upload, String type, int width,
                                      int height) {
        return Arguments.of(Named.of(name, upload), type, width, height);
    }

    private static Arguments refused(String name, byte[] upload, String reason) {
        return Arguments.of(Named.of(name, upload), reason);
    }
}
