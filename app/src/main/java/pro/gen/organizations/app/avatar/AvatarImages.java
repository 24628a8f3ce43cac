package pro.gen.organizations.app.avatar;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import pro.gen.organizations.api.Avatar;
import pro.gen.organizations.query.AvatarFiles.StoredFile;

/**
 * Checks an uploaded avatar and turns it into the files that are stored: a re-encoded copy
 * of the image and a square thumbnail. Nothing of the upload's own bytes is kept, so that
 * whatever rode along with the pixels (a script after the end marker, metadata) is dropped.
 *
 * <p>The checks run from the cheapest up: the length, the signature of the format, the size
 * in pixels as the header declares it (read before any pixel is decoded, so that a small
 * file declaring a huge image costs nothing), and lastly a full decode that must reach the
 * end of the image data. Animated GIF and WebP keep their first frame only, the only one
 * decoded; every other frame is held to the same limits by {@link ImageStructure}, which
 * reads the sizes and positions of all frames and checks that each is whole. A JPEG is
 * turned upright as its EXIF orientation says, since the stored copy carries no EXIF.
 *
 * <p>An opaque image that came lossy (a JPEG, a simple lossy WebP) is stored as a JPEG;
 * every other image as a PNG, which keeps transparency and adds no losses to an image that
 * had none.
 */
public class AvatarImages {

    private static final Logger log = LoggerFactory.getLogger(AvatarImages.class);

    static final String NOT_AN_IMAGE = "must be a JPEG, PNG, WebP or GIF image";
    public static final String TOO_LARGE = "is too large (at most 5 MiB)";
    static final String UNREADABLE = "could not be decoded to the end: the image data is"
            + " damaged or incomplete";

    private static final float JPEG_QUALITY = 0.9f;
    private static final String GIF_STREAM_FORMAT = "javax_imageio_gif_stream_1.0";
    private static final String GIF_IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    private static final List<String> FATAL_WARNINGS =
            List.of("truncated", "premature", "corrupt", "missing");

    private final Semaphore decoding;

    /**
     * @param concurrentDecodes how many images may be decoded at once; each may hold a few
     *                          full-size copies of a 4096 x 4096 image in memory
     */
    public AvatarImages(int concurrentDecodes) {
        this.decoding = new Semaphore(concurrentDecodes, true);
        // ImageIO finds plugins once, with the class loader of the thread that first asks;
        // in the packaged application that must be the application's own.
        ImageIO.scanForPlugins();
        for (ImageFormat format : ImageFormat.values()) {
            readerFor(format).dispose();
        }
    }

    /**
     * Checks an upload and makes the files to store from it.
     *
     * @throws RefusedImage when the upload is not an image this service accepts
     */
    public PreparedAvatar prepare(byte[] upload) {
        if (upload.length == 0) {
            throw new RefusedImage("is empty");
        }
        if (upload.length > Avatar.MAX_UPLOAD_BYTES) {
            throw new RefusedImage(TOO_LARGE);
        }
        ImageFormat format = ImageFormat.of(upload)
                .orElseThrow(() -> new RefusedImage(NOT_AN_IMAGE));
        ImageStructure.check(format, upload);

        decoding.acquireUninterruptibly();
        try {
            BufferedImage image = standardRgb(decode(format, upload));
            if (format == ImageFormat.JPEG) {
                image = upright(image, exifOrientation(upload));
            }
            boolean jpeg = format.isLossy(upload) && !image.getColorModel().hasAlpha();
            StoredFile stored = encode(image, jpeg);
            StoredFile thumbnail = encode(thumbnail(image), jpeg);
            Avatar avatar = new Avatar(stored.hash(), thumbnail.hash(), stored.contentType(),
                    image.getWidth(), image.getHeight(), stored.content().length);
            return new PreparedAvatar(avatar, stored, thumbnail, format);
        } finally {
            decoding.release();
        }
    }

    /** The first image in the file, read only after its declared size is accepted. */
    private static BufferedImage decode(ImageFormat format, byte[] upload) {
        ImageReader reader = readerFor(format);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream input = new MemoryCacheImageInputStream(
                new ByteArrayInputStream(upload))) {
            boolean gif = format == ImageFormat.GIF;
            reader.setInput(input, true, !gif);
            checkPixels(reader.getWidth(0), reader.getHeight(0));
            GifCanvas canvas = gif ? GifCanvas.of(reader) : null;

            BufferedImage image = reader.read(0);
            refuseOnFatalWarnings(warnings);
            return canvas == null ? image : canvas.place(image);
        } catch (RefusedImage refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            log.debug("Avatar upload [{}] could not be decoded: {}", format, e.toString());
            throw new RefusedImage(UNREADABLE);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    private static void checkPixels(long width, long height) {
        if (width > Avatar.MAX_SIDE || height > Avatar.MAX_SIDE) {
            throw new RefusedImage("is too large: " + width + " x " + height + " pixels (at most "
                    + Avatar.MAX_SIDE + " x " + Avatar.MAX_SIDE + ")");
        }
        if (width < 1 || height < 1) {
            throw new RefusedImage(UNREADABLE);
        }
    }

    /**
     * A decoder that runs out of data mid-image may fill the rest in grey and only warn
     * (the JPEG reader does): such an image is refused like any other that cannot be read.
     */
    private static void refuseOnFatalWarnings(List<String> warnings) {
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (FATAL_WARNINGS.stream().anyMatch(lower::contains)) {
                log.debug("Avatar upload refused on decoder warning: {}", warning);
                throw new RefusedImage(UNREADABLE);
            }
        }
    }

    /**
     * The image as 8-bit sRGB pixels, with an alpha channel only when the source has one:
     * the form both encoders and the scaler handle best, whatever the source's colour space
     * (CMYK, grey, palette, 16 bits, an embedded profile).
     */
    private static BufferedImage standardRgb(BufferedImage source) {
        boolean alpha = source.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (source.getType() == type) {
            return source;
        }
        BufferedImage converted = new BufferedImage(source.getWidth(), source.getHeight(), type);
        Graphics2D graphics = converted.createGraphics();
        try {
            graphics.drawImage(source, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return converted;
    }

    /**
     * The EXIF orientation of a JPEG, 1 to 8: how a camera says its pixels must be turned
     * to stand upright. 1, as they are, when there is none or it cannot be read.
     */
    private static int exifOrientation(byte[] jpeg) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(
                new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return 1;
            }
            InputStream exif = segments.get(0).data();
            // The identifier "Exif" is followed by two zero bytes; the second is left here.
            if (exif.read() != 0) {
                return 1;
            }
            try (ImageInputStream tiff = new MemoryCacheImageInputStream(exif)) {
                Entry orientation = new TIFFReader().read(tiff)
                        .getEntryById(TIFF.TAG_ORIENTATION);
                return orientation != null && orientation.getValue() instanceof Number value
                        ? value.intValue() : 1;
            }
        } catch (IOException | RuntimeException e) {
            log.debug("EXIF orientation of an avatar upload unreadable: {}", e.toString());
            return 1;
        }
    }

    /** The image turned or mirrored as its EXIF orientation says. */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (turn == null) {
            return image;
        }
        boolean sideways = orientation >= 5;
        BufferedImage turned = new BufferedImage(sideways ? h : w, sideways ? w : h,
                image.getType());
        Graphics2D graphics = turned.createGraphics();
        try {
            graphics.drawImage(image, turn, null);
        } finally {
            graphics.dispose();
        }
        return turned;
    }

    /**
     * A square thumbnail that covers the whole square: the largest centred square of the
     * image, scaled. Cutting first keeps the work bounded by the thumbnail's size, even for
     * an image of 4096 x 1 pixels.
     */
    private static BufferedImage thumbnail(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        BufferedImage square = image.getSubimage((image.getWidth() - side) / 2,
                (image.getHeight() - side) / 2, side, side);
        try {
            return Thumbnails.of(square)
                    .forceSize(Avatar.THUMBNAIL_SIDE, Avatar.THUMBNAIL_SIDE)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredFile encode(BufferedImage image, boolean jpeg) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (jpeg) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode an avatar", e);
        } finally {
            writer.dispose();
        }
        byte[] content = bytes.toByteArray();
        return new StoredFile(sha256(content), jpeg ? "image/jpeg" : "image/png", content);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * The logical screen of a GIF, on which its first frame sits, perhaps smaller and off
     * the corner. Both are read from the header, before any pixel.
     */
    private record GifCanvas(int width, int height, int frameLeft, int frameTop) {

        static GifCanvas of(ImageReader reader) throws IOException {
            Element screen = child(reader.getStreamMetadata(), GIF_STREAM_FORMAT,
                    "LogicalScreenDescriptor");
            Element frame = child(reader.getImageMetadata(0), GIF_IMAGE_FORMAT,
                    "ImageDescriptor");
            int left = number(frame, "imageLeftPosition");
            int top = number(frame, "imageTopPosition");
            int width = Math.max(number(screen, "logicalScreenWidth"),
                    left + number(frame, "imageWidth"));
            int height = Math.max(number(screen, "logicalScreenHeight"),
                    top + number(frame, "imageHeight"));
            checkPixels(width, height);
            return new GifCanvas(width, height, left, top);
        }

        BufferedImage place(BufferedImage frame) {
            if (frameLeft == 0 && frameTop == 0
                    && frame.getWidth() == width && frame.getHeight() == height) {
                return frame;
            }
            BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            Graphics2D graphics = canvas.createGraphics();
            try {
                graphics.drawImage(frame, frameLeft, frameTop, null);
            } finally {
                graphics.dispose();
            }
            return canvas;
        }

        private static Element child(IIOMetadata metadata, String format, String name) {
            Node root = metadata.getAsTree(format);
            for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (name.equals(node.getNodeName())) {
                    return (Element) node;
                }
            }
            throw new IllegalArgumentException("GIF without " + name);
        }

        private static int number(Element element, String attribute) {
            return Integer.parseInt(element.getAttribute(attribute));
        }
    }
}
