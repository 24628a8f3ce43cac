package pro.gen.organizations.app.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Test images, drawn and encoded here with ImageIO; only WebP, which ImageIO cannot write,
 * comes from small files under {@code src/test/resources/avatars}.
 */
public final class TestImages {

    private static final String GIF_IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    private static final int GIF_CODED_PIXELS = 65536;

    private TestImages() {
    }

    /**
     * A picture with gradients, a disc and, when asked, a half that is partly transparent.
     * The seed shifts its colours, so that two seeds give two different files.
     */
    public static BufferedImage picture(int width, int height, boolean alpha, int seed) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int red = x * 255 / width;
                int green = y * 255 / height;
                int blue = (x * 7 + y * 3 + seed * 41) & 0xFF;
                int opacity = alpha && x >= width / 2 ? 80 : 255;
                image.setRGB(x, y, opacity << 24 | red << 16 | green << 8 | blue);
            }
        }
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(220, 30, (seed * 53) & 0xFF));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return image;
    }

    /** Random pixels, which compress badly: for large files from small pictures. */
    public static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = (x + y) * 255 / (width + height);
                image.setRGB(x, y, (base + random.nextInt(64)) % 256 << 16
                        | random.nextInt(256) << 8 | base);
            }
        }
        return image;
    }

    public static byte[] jpeg(BufferedImage image) {
        return write(image, "jpeg");
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    /** A still GIF; a transparent source keeps a transparent colour. */
    public static byte[] gif(BufferedImage image) {
        return write(image, "gif");
    }

    /** An endlessly looping GIF of differently coloured frames, transparent around a disc. */
    public static byte[] animatedGif(int frames, int side) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (int frame = 0; frame < frames; frame++) {
                BufferedImage image = new BufferedImage(side, side,
                        BufferedImage.TYPE_INT_ARGB);
                Graphics2D graphics = image.createGraphics();
                graphics.setColor(Color.getHSBColor(frame / (float) frames, 0.8f, 0.9f));
                graphics.fillOval(0, 0, side, side);
                graphics.dispose();
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata metadata = writer.getDefaultImageMetadata(
                        ImageTypeSpecifier.createFromRenderedImage(image), param);
                loopingFrame(metadata, frame == 0);
                writer.writeToSequence(new IIOImage(image, null, metadata), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * A looping GIF built byte by byte, with a global palette of four colours: a logical
     * screen and frames, each given as {left, top, width, height} and preceded by a graphic
     * control extension. The pixels of a frame are coded for its whole area up to
     * 65536 pixels and no further, so that a frame claiming a huge area
     * takes a few kilobytes, like a real decompression bomb.
     */
    public static byte[] gifOfFrames(int screenWidth, int screenHeight, int[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        littleEndian16(out, screenWidth);
        littleEndian16(out, screenHeight);
        out.writeBytes(new byte[] {(byte) 0x81, 0, 0});
        out.writeBytes(new byte[] {0, 0, 0, (byte) 0xE0, 0x20, 0x20, 0x20, (byte) 0xC0, 0x20,
            0x20, 0x40, (byte) 0xF0});
        out.writeBytes(new byte[] {0x21, (byte) 0xFF, 11});
        out.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {3, 1, 0, 0, 0});
        for (int index = 0; index < frames.length; index++) {
            int[] frame = frames[index];
            out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0x08, 10, 0, 0, 0});
            out.write(0x2C);
            for (int field : frame) {
                littleEndian16(out, field);
            }
            out.write(0);
            out.write(2);
            byte[] data = lzwPairs(Math.min((long) frame[2] * frame[3], GIF_CODED_PIXELS),
                    frame[2], index);
            for (int start = 0; start < data.length; start += 255) {
                int length = Math.min(255, data.length - start);
                out.write(length);
                out.write(data, start, length);
            }
            out.write(0);
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    /**
     * The animated WebP with its canvas, in the VP8X header that is always its first chunk,
     * rewritten.
     */
    public static byte[] withWebpCanvas(byte[] webp, int width, int height) {
        byte[] patched = webp.clone();
        putLittleEndian24(patched, 24, width - 1);
        putLittleEndian24(patched, 27, height - 1);
        return patched;
    }

    /**
     * The animated WebP with the rectangle of one frame (the first is 1) rewritten; a WebP
     * frame's offsets are even.
     */
    public static byte[] withWebpFrame(byte[] webp, int frame, int left, int top, int width,
                                       int height) {
        byte[] patched = webp.clone();
        int payload = webpFrameStart(webp, frame) + 8;
        putLittleEndian24(patched, payload, left / 2);
        putLittleEndian24(patched, payload + 3, top / 2);
        putLittleEndian24(patched, payload + 6, width - 1);
        putLittleEndian24(patched, payload + 9, height - 1);
        return patched;
    }

    /** Where the ANMF chunk of a frame (the first is 1) of an animated WebP starts. */
    public static int webpFrameStart(byte[] webp, int frame) {
        ByteBuffer riff = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        int seen = 0;
        for (int chunk = 12; chunk + 8 <= webp.length; ) {
            int size = riff.getInt(chunk + 4);
            boolean anmf = "ANMF".equals(new String(webp, chunk, 4, StandardCharsets.US_ASCII));
            if (anmf && ++seen == frame) {
                return chunk;
            }
            chunk += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("No frame " + frame + " in the WebP");
    }

    /** The WebP with the size in its RIFF header set to what the bytes hold. */
    public static byte[] withRiffSizeOfItsLength(byte[] webp) {
        byte[] patched = webp.clone();
        ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN).putInt(4, patched.length - 8);
        return patched;
    }

    /**
     * The JPEG with an EXIF segment, as a camera writes it, saying how the picture must be
     * turned to stand upright.
     */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26)
                .put(new byte[] {'M', 'M', 0, 42}).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1)
                .putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = 2 + exif.length + tiff.capacity();
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A WebP sample from the test resources; see the README beside them. */
    public static byte[] webp(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/avatars/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG header declaring a huge opaque image, followed by a token of image data. */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0x00, 0x00});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A GIF of a few dozen bytes whose screen and only frame claim the given size. */
    public static byte[] gifClaiming(int width, int height) {
        ByteBuffer gif = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) width).putShort((short) height)
                .put((byte) 0x80).put((byte) 0).put((byte) 0)
                .put(new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})
                .put((byte) 0x2C).putShort((short) 0).putShort((short) 0)
                .putShort((short) width).putShort((short) height).put((byte) 0)
                .put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0)
                .put((byte) 0x3B);
        byte[] bytes = new byte[gif.position()];
        gif.flip().get(bytes);
        return bytes;
    }

    /** A real small JPEG whose frame header is rewritten to claim the given size. */
    public static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = jpeg(picture(16, 16, false, 0));
        for (int i = 2; i + 8 < jpeg.length; i++) {
            boolean frameHeader = (jpeg[i] & 0xFF) == 0xFF
                    && ((jpeg[i + 1] & 0xFF) == 0xC0 || (jpeg[i + 1] & 0xFF) == 0xC2);
            if (frameHeader) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height)
                        .putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("No frame header in the JPEG");
    }

    public static BufferedImage decode(byte[] content) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null) {
                throw new IllegalArgumentException("Not an image ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void loopingFrame(IIOMetadata metadata, boolean first) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(GIF_IMAGE_FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "restoreToBackgroundColor");
        control.setAttribute("delayTime", "20");
        if (first) {
            IIOMetadataNode applications = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            applications.appendChild(loop);
        }
        metadata.setFromTree(GIF_IMAGE_FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /**
     * LZW data, with a minimum code size of 2, for a checkerboard in the frame's colour:
     * a clear code before every two pixels keeps the table small and the codes 3 bits wide.
     */
    private static byte[] lzwPairs(long pixels, int width, int frame) {
        int clear = 4;
        int end = 5;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int bits = 0;
        int count = 0;
        for (long pixel = 0; pixel <= pixels; pixel++) {
            int[] codes;
            if (pixel == pixels) {
                codes = new int[] {end};
            } else {
                int colour = (int) ((pixel % width / 8 + pixel / width / 8 + frame) % 4);
                codes = pixel % 2 == 0 ? new int[] {clear, colour} : new int[] {colour};
            }
            for (int code : codes) {
                bits |= code << count;
                count += 3;
                while (count >= 8) {
                    out.write(bits & 0xFF);
                    bits >>>= 8;
                    count -= 8;
                }
            }
        }
        if (count > 0) {
            out.write(bits & 0xFF);
        }
        return out.toByteArray();
    }

    private static void littleEndian16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >> 8 & 0xFF);
    }

    private static void putLittleEndian24(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >> 8);
        bytes[offset + 2] = (byte) (value >> 16);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
