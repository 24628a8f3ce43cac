package pro.gen.organizations.app.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
import static pro.gen.organizations.app.support.TestImages.withExifOrientation;
import static pro.gen.organizations.app.support.TestImages.withRiffSizeOfItsLength;
import static pro.gen.organizations.app.support.TestImages.withWebpCanvas;
import static pro.gen.organizations.app.support.TestImages.withWebpFrame;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pro.gen.organizations.query.AvatarFiles.StoredFile;

class AvatarImagesTest {

    private static final String TOO_MANY_PIXELS = "is too large: %d x %d pixels"
            + " (at most 4096 x 4096)";
    private static final String FRAME_TOO_LARGE = "is too large: frame %d is %d x %d pixels"
            + " at %d, %d (every frame must fit in 4096 x 4096)";

    private final AvatarImages images = new AvatarImages(2);

    static Stream<Arguments> acceptedImages() {
        return Stream.of(
                accepted("JPEG", jpeg(picture(320, 200, false, 1)), "image/jpeg", 320, 200, false),
                accepted("PNG", png(picture(320, 200, false, 1)), "image/png", 320, 200, false),
                accepted("PNG with alpha", png(picture(200, 320, true, 2)), "image/png",
                        200, 320, true),
                accepted("grey PNG", png(grey(64, 48)), "image/png", 64, 48, false),
                accepted("GIF", gif(picture(120, 80, false, 3)), "image/png", 120, 80, false),
                accepted("animated GIF", animatedGif(3, 96), "image/png", 96, 96, true),
                accepted("lossy WebP", webp("lossy.webp"), "image/jpeg", 320, 200, false),
                accepted("lossless WebP", webp("lossless.webp"), "image/png", 320, 200, false),
                accepted("WebP with alpha", webp("alpha.webp"), "image/png", 200, 320, true),
                accepted("lossless WebP with alpha", webp("lossless-alpha.webp"), "image/png",
                        200, 320, true),
                accepted("animated WebP", webp("animated.webp"), "image/png", 96, 96, true),
                accepted("lossy animated WebP", webp("animated-lossy.webp"), "image/png",
                        96, 96, true),
                accepted("animated GIF with frames of their own sizes and places",
                        gifOfFrames(200, 150, new int[] {0, 0, 200, 150},
                                new int[] {20, 10, 100, 80}, new int[] {100, 70, 100, 80}),
                        "image/png", 200, 150, false),
                accepted("animated GIF whose last frame ends on the 4096th pixel",
                        gifOfFrames(4096, 64, new int[] {0, 0, 64, 64},
                                new int[] {4032, 0, 64, 64}), "image/png", 4096, 64, true),
                accepted("animated GIF of 360 frames", longAnimation(360, 48), "image/png",
                        48, 48, false),
                accepted("animated WebP whose frame 2 ends on the 4096th pixel",
                        withWebpFrame(withWebpCanvas(webp("animated.webp"), 4096, 4096), 2,
                                4000, 4000, 96, 96), "image/png", 96, 96, true),
                accepted("1 x 1 PNG", png(picture(1, 1, false, 4)), "image/png", 1, 1, false),
                accepted("4096 x 1 PNG", png(picture(4096, 1, false, 5)), "image/png",
                        4096, 1, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedImages")
    void anAcceptedImageIsStoredReEncodedWithASquareThumbnail(
            byte[] upload, String storedType, int width, int height, boolean alpha)
            throws Exception {
        PreparedAvatar prepared = images.prepare(upload);

        assertThat(prepared.avatar().contentType()).isEqualTo(storedType);
        assertThat(prepared.avatar().width()).isEqualTo(width);
        assertThat(prepared.avatar().height()).isEqualTo(height);
        assertThat(prepared.avatar().size()).isEqualTo(prepared.image().content().length);
        assertStored(prepared.image(), prepared.avatar().imageHash(), storedType);
        assertStored(prepared.thumbnail(), prepared.avatar().thumbnailHash(), storedType);
        BufferedImage image = decode(prepared.image().content());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(image.getColorModel().hasAlpha()).isEqualTo(alpha);
        BufferedImage thumbnail = decode(prepared.thumbnail().content());
        assertThat(thumbnail.getWidth()).isEqualTo(256);
        assertThat(thumbnail.getHeight()).isEqualTo(256);
    }

    @Test
    void theSameUploadGivesTheSameFiles() {
        byte[] upload = png(picture(300, 200, true, 6));

        PreparedAvatar first = images.prepare(upload);
        PreparedAvatar second = images.prepare(upload);

        assertThat(second.avatar()).isEqualTo(first.avatar());
    }

    @Test
    void theThumbnailCoversTheSquareWithTheImagesCentre() {
        BufferedImage stripes = new BufferedImage(900, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = stripes.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 300, 300);
        graphics.setColor(Color.GREEN);
        graphics.fillRect(300, 0, 300, 300);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(600, 0, 300, 300);
        graphics.dispose();

        PreparedAvatar prepared = images.prepare(png(stripes));

        BufferedImage thumbnail = decode(prepared.thumbnail().content());
        for (int x : new int[] {4, 128, 251}) {
            assertThat(new Color(thumbnail.getRGB(x, 128))).isEqualTo(Color.GREEN);
        }
    }

    @Test
    void anAnimatedGifKeepsItsFirstFrame() {
        PreparedAvatar prepared = images.prepare(animatedGif(3, 96));

        BufferedImage image = decode(prepared.image().content());
        Color centre = new Color(image.getRGB(48, 48), true);
        Color firstFrame = Color.getHSBColor(0f, 0.8f, 0.9f);
        assertThat(centre.getRed()).isCloseTo(firstFrame.getRed(), Offset.offset(8));
        assertThat(centre.getGreen()).isLessThan(80);
        assertThat(new Color(image.getRGB(0, 0), true).getAlpha()).isZero();
    }

    @Test
    void aJpegIsTurnedUprightAsItsExifOrientationSays() {
        BufferedImage halves = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = halves.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 60, 80);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(60, 0, 60, 80);
        graphics.dispose();
        byte[] turnedClockwise = withExifOrientation(jpeg(halves), 6);

        PreparedAvatar prepared = images.prepare(turnedClockwise);

        assertThat(prepared.avatar().width()).isEqualTo(80);
        assertThat(prepared.avatar().height()).isEqualTo(120);
        BufferedImage image = decode(prepared.image().content());
        assertThat(new Color(image.getRGB(40, 10)).getRed()).isGreaterThan(200);
        assertThat(new Color(image.getRGB(40, 110)).getBlue()).isGreaterThan(200);
        assertThat(new String(prepared.image().content(), StandardCharsets.ISO_8859_1))
                .doesNotContain("Exif");
    }

    @Test
    void aJpegWithMarkupAfterItsEndIsStoredWithoutIt() {
        byte[] jpeg = jpeg(picture(64, 64, false, 7));
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = Arrays.copyOf(jpeg, jpeg.length + html.length);
        System.arraycopy(html, 0, polyglot, jpeg.length, html.length);

        PreparedAvatar prepared = images.prepare(polyglot);

        assertThat(new String(prepared.image().content(), StandardCharsets.ISO_8859_1))
                .doesNotContain("<script>").doesNotContain("html");
        assertThat(prepared.avatar().contentType()).isEqualTo("image/jpeg");
    }

    static Stream<Arguments> refusedFiles() {
        byte[] jpeg = jpeg(picture(320, 200, false, 8));
        byte[] png = png(picture(320, 200, false, 8));
        byte[] gif = gif(picture(320, 200, false, 8));
        byte[] webp = webp("lossy.webp");
        byte[] oversized = Arrays.copyOf(png, 5 * 1024 * 1024 + 1);
        return Stream.of(
                refused("empty file", new byte[0], "is empty"),
                refused("5 MiB + 1 byte", oversized, "is too large (at most 5 MiB)"),
                refused("SVG", text("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                        + "<script>alert(1)</script></svg>"), AvatarImages.NOT_AN_IMAGE),
                refused("HTML", text("<!DOCTYPE html><html><body>hi</body></html>"),
                        AvatarImages.NOT_AN_IMAGE),
                refused("text", text("just some words"), AvatarImages.NOT_AN_IMAGE),
                refused("WAV in RIFF", text("RIFF\u0004\u0000\u0000\u0000WAVEfmt "),
                        AvatarImages.NOT_AN_IMAGE),
                refused("JPEG signature then junk", withJunk(jpeg, 3), AvatarImages.UNREADABLE),
                refused("PNG signature then junk", withJunk(png, 8), AvatarImages.UNREADABLE),
                refused("GIF signature then junk", withJunk(gif, 6), AvatarImages.UNREADABLE),
                refused("WebP signature then junk", withJunk(webp, 16), AvatarImages.UNREADABLE),
                refused("truncated JPEG", half(jpeg), AvatarImages.UNREADABLE),
                refused("truncated PNG", half(png), AvatarImages.UNREADABLE),
                refused("truncated GIF", half(gif), AvatarImages.UNREADABLE),
                refused("truncated WebP", half(webp), AvatarImages.UNREADABLE),
                refused("4097 pixels wide", png(picture(4097, 2, false, 9)),
                        TOO_MANY_PIXELS.formatted(4097, 2)),
                refused("PNG header claiming 30000 x 30000", pngClaiming(30000, 30000),
                        TOO_MANY_PIXELS.formatted(30000, 30000)),
                refused("GIF header claiming 65535 x 65535", gifClaiming(65535, 65535),
                        TOO_MANY_PIXELS.formatted(65535, 65535)),
                refused("JPEG header claiming 30000 x 30000", jpegClaiming(30000, 30000),
                        TOO_MANY_PIXELS.formatted(30000, 30000)),
                refused("PNG header claiming 2^31 - 1 pixels", pngClaiming(Integer.MAX_VALUE, 1),
                        TOO_MANY_PIXELS.formatted(Integer.MAX_VALUE, 1)));
    }

    static Stream<Arguments> refusedAnimations() {
        byte[] webp = webp("animated.webp");
        byte[] lossyWebp = webp("animated-lossy.webp");
        int[] full = {0, 0, 96, 96};
        byte[] twoFrameGif = gifOfFrames(96, 96, full, full);
        int gifFrame2 = gifOfFrames(96, 96, full).length - 1;
        byte[] webpCutInFrame2 = Arrays.copyOf(webp, webpFrameStart(webp, 2) + 100);
        return Stream.of(
                refused("animated WebP with a 16777216 x 16777216 canvas",
                        withWebpCanvas(webp, 16777216, 16777216),
                        TOO_MANY_PIXELS.formatted(16777216, 16777216)),
                refused("animated WebP with a 4098 x 96 canvas", withWebpCanvas(webp, 4098, 96),
                        TOO_MANY_PIXELS.formatted(4098, 96)),
                refused("animated WebP whose frame 2 claims 16000000 x 16000000",
                        withWebpFrame(webp, 2, 0, 0, 16000000, 16000000),
                        FRAME_TOO_LARGE.formatted(2, 16000000, 16000000, 0, 0)),
                refused("animated WebP whose frame 2 sits 16000000 pixels down",
                        withWebpFrame(webp, 2, 0, 16000000, 96, 96),
                        FRAME_TOO_LARGE.formatted(2, 96, 96, 0, 16000000)),
                refused("animated WebP whose frame 3 ends on the 4098th pixel",
                        withWebpFrame(withWebpCanvas(webp, 4096, 4096), 3, 4002, 0, 96, 96),
                        FRAME_TOO_LARGE.formatted(3, 96, 96, 4002, 0)),
                refused("lossy animated WebP whose frame 2 claims 16000000 x 16000000",
                        withWebpFrame(lossyWebp, 2, 0, 0, 16000000, 16000000),
                        FRAME_TOO_LARGE.formatted(2, 16000000, 16000000, 0, 0)),
                refused("animated WebP cut in frame 2", webpCutInFrame2,
                        AvatarImages.UNREADABLE),
                refused("animated WebP cut in frame 2 with its RIFF size made to match",
                        withRiffSizeOfItsLength(webpCutInFrame2), AvatarImages.UNREADABLE),
                refused("lossy animated WebP cut in frame 3",
                        Arrays.copyOf(lossyWebp, webpFrameStart(lossyWebp, 3) + 300),
                        AvatarImages.UNREADABLE),
                refused("animated WebP whose frame 2 is smaller than its image",
                        withWebpFrame(webp, 2, 0, 0, 64, 64), AvatarImages.UNREADABLE),
                refused("GIF whose frame 2 claims 60000 x 60000",
                        gifOfFrames(96, 96, full, new int[] {0, 0, 60000, 60000}),
                        FRAME_TOO_LARGE.formatted(2, 60000, 60000, 0, 0)),
                refused("GIF whose frame 3 ends on the 4097th pixel",
                        gifOfFrames(4096, 64, new int[] {0, 0, 64, 64}, new int[] {0, 0, 64, 64},
                                new int[] {4033, 0, 64, 64}),
                        FRAME_TOO_LARGE.formatted(3, 64, 64, 4033, 0)),
                refused("GIF whose logical screen is 5000 pixels wide",
                        gifOfFrames(5000, 96, full, full), TOO_MANY_PIXELS.formatted(5000, 96)),
                refused("GIF whose only frame sits at 4001, 4001",
                        gifOfFrames(96, 96, new int[] {4001, 4001, 96, 96}),
                        TOO_MANY_PIXELS.formatted(4097, 4097)),
                refused("GIF cut in frame 2",
                        Arrays.copyOf(twoFrameGif, (gifFrame2 + twoFrameGif.length) / 2),
                        AvatarImages.UNREADABLE),
                refused("GIF cut in the header of frame 2",
                        Arrays.copyOf(twoFrameGif, gifFrame2 + 12), AvatarImages.UNREADABLE),
                refused("GIF with junk between frames 1 and 2",
                        withJunkAt(twoFrameGif, gifFrame2), AvatarImages.UNREADABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAnimations")
    void everyFrameOfAnAnimationIsHeldToTheLimits(byte[] upload, String reason) {
        aFileThatIsNotAnAcceptableImageIsRefusedWithTheReason(upload, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void aFileThatIsNotAnAcceptableImageIsRefusedWithTheReason(byte[] upload, String reason) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> images.prepare(upload))
                        .isInstanceOfSatisfying(RefusedImage.class,
                                refusal -> assertThat(refusal.reason()).isEqualTo(reason)));
    }

    @Test
    void aHeaderClaimingAHugeImageIsRefusedBeforeAnyPixelIsDecoded() {
        byte[] bomb = gifClaiming(65535, 65535);

        long start = System.nanoTime();
        assertThatThrownBy(() -> images.prepare(bomb)).isInstanceOf(RefusedImage.class);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(bomb.length).isLessThan(64);
        assertThat(millis).isLessThan(200);
    }

    private static void assertStored(StoredFile file, String hash, String type) throws Exception {
        assertThat(file.hash()).isEqualTo(hash);
        assertThat(file.contentType()).isEqualTo(type);
        assertThat(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(file.content()))).isEqualTo(hash);
        assertThat(ImageFormat.of(file.content()).orElseThrow().mediaType()).isEqualTo(type);
    }

    private static BufferedImage grey(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.GRAY);
        graphics.fillOval(0, 0, width, height);
        graphics.dispose();
        return image;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withJunk(byte[] image, int keep) {
        byte[] junk = Arrays.copyOf(image, 2000);
        for (int i = keep; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 + 7);
        }
        return junk;
    }

    private static byte[] withJunkAt(byte[] image, int offset) {
        byte[] junk = "junk".getBytes(StandardCharsets.US_ASCII);
        byte[] spoiled = Arrays.copyOf(image, image.length + junk.length);
        System.arraycopy(junk, 0, spoiled, offset, junk.length);
        System.arraycopy(image, offset, spoiled, offset + junk.length, image.length - offset);
        return spoiled;
    }

    private static byte[] longAnimation(int frames, int side) {
        return gifOfFrames(side, side, IntStream.range(0, frames)
                .mapToObj(frame -> new int[] {0, 0, side, side}).toArray(int[][]::new));
    }

    private static byte[] half(byte[] image) {
        return Arrays.copyOf(image, image.length / 2);
    }

    private static Arguments accepted(String name, byte[] upload, String storedType, int width,
                                      int height, boolean alpha) {
        return Arguments.of(Named.of(name, upload), storedType, width, height, alpha);
    }

    private static Arguments refused(String name, byte[] upload, String reason) {
        return Arguments.of(Named.of(name, upload), reason);
    }
}
