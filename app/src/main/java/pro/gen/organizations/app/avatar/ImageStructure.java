package pro.gen.organizations.app.avatar;

import pro.gen.organizations.api.Avatar;

/**
 * Walks the blocks of a GIF or the chunks of a WebP from the header to the end, reading what
 * they declare without decoding a single pixel. An animation may hold hundreds of frames of
 * which only the first is ever decoded; this is what holds every other frame to the limits:
 * <ul>
 *     <li>every block or chunk must be whole, so a file cut short in any frame, or with junk
 *     between its blocks or chunks, is refused;</li>
 *     <li>the logical screen of a GIF, the canvas of a WebP and every frame with its
 *     position must fit in {@link Avatar#MAX_SIDE} x {@link Avatar#MAX_SIDE} pixels;</li>
 *     <li>the size that the bitstream of a WebP image or frame declares must be the size of
 *     that image or frame, as libwebp requires.</li>
 * </ul>
 * The compressed pixels of the frames after the first are framed but not decoded. Sizes
 * are judged once the whole file has been walked, so that a damaged file is refused as
 * damaged whatever its fields say. The walk is linear and keeps nothing per frame: a GIF
 * moves on by at least one byte per step, a WebP by at least eight.
 */
final class ImageStructure {

    private static final int GIF_HEADER = 6;
    private static final int GIF_EXTENSION = 0x21;
    private static final int GIF_IMAGE = 0x2C;
    private static final int GIF_TRAILER = 0x3B;
    private static final int GIF_COLOUR_TABLE = 0x80;

    private static final int RIFF_HEADER = 12;
    private static final int VP8X = fourCc("VP8X");
    private static final int VP8 = fourCc("VP8 ");
    private static final int VP8L = fourCc("VP8L");
    private static final int ANMF = fourCc("ANMF");
    private static final int VP8X_SIZE = 10;
    private static final int VP8X_ANIMATION = 0x02;
    private static final int ANMF_HEADER = 16;
    private static final int VP8_HEADER = 10;
    private static final int VP8_START_CODE = 0x2A019D;
    private static final int VP8L_HEADER = 5;
    private static final int VP8L_SIGNATURE = 0x2F;
    private static final int FOURTEEN_BITS = 0x3FFF;

    private ImageStructure() {
    }

    /**
     * Refuses a GIF or WebP whose structure is broken or whose declared sizes are too large;
     * any other format is left to its reader.
     *
     * @throws RefusedImage when the file is refused
     */
    static void check(ImageFormat format, byte[] content) {
        Verdict verdict = new Verdict();
        switch (format) {
            case GIF -> walkGif(new Cursor(content, 0, content.length), verdict);
            case WEBP -> walkWebp(content, verdict);
            default -> {
                return;
            }
        }
        verdict.deliver();
    }

    /**
     * Header, logical screen, then extensions and images up to the trailer; bytes after the
     * trailer are ignored. A file that ends between two blocks without a trailer is taken as
     * it is, as decoders do: every frame it has is whole. Anything but an extension, an
     * image or the trailer where a block starts is junk, and refused.
     */
    private static void walkGif(Cursor gif, Verdict verdict) {
        gif.skip(GIF_HEADER);
        int screenWidth = gif.u16();
        int screenHeight = gif.u16();
        verdict.canvas(screenWidth, screenHeight);
        int flags = gif.u8();
        gif.skip(2);
        skipColourTable(gif, flags);
        while (!gif.atEnd()) {
            int block = gif.u8();
            if (block == GIF_TRAILER) {
                break;
            } else if (block == GIF_EXTENSION) {
                gif.skip(1);
                skipSubBlocks(gif);
            } else if (block == GIF_IMAGE) {
                int left = gif.u16();
                int top = gif.u16();
                int width = gif.u16();
                int height = gif.u16();
                verdict.frame(left, top, width, height);
                skipColourTable(gif, gif.u8());
                gif.skip(1);
                skipSubBlocks(gif);
            } else {
                throw unreadable();
            }
        }
    }

    private static void skipColourTable(Cursor gif, int flags) {
        if ((flags & GIF_COLOUR_TABLE) != 0) {
            gif.skip(3 << ((flags & 0x07) + 1));
        }
    }

    private static void skipSubBlocks(Cursor gif) {
        for (int length = gif.u8(); length > 0; length = gif.u8()) {
            gif.skip(length);
        }
    }

    /**
     * The RIFF container, which must hold as many bytes as its header says (bytes after it
     * are ignored), then its chunks: a simple lossy or lossless image, or an extended one
     * that is either a still image or an animation of frames.
     */
    private static void walkWebp(byte[] content, Verdict verdict) {
        Cursor header = new Cursor(content, 0, content.length);
        header.skip(4);
        long riffSize = header.u32();
        if (riffSize < 4 || riffSize > content.length - 8L) {
            throw unreadable();
        }
        Cursor riff = new Cursor(content, RIFF_HEADER, 8 + (int) riffSize);
        Cursor first = riff.chunk();
        if (first.type == VP8 || first.type == VP8L) {
            long[] size = bitstreamSize(first);
            verdict.frame(0, 0, size[0], size[1]);
            skipChunks(riff);
        } else if (first.type == VP8X) {
            walkExtendedWebp(first, riff, verdict);
        } else {
            throw unreadable();
        }
    }

    private static void walkExtendedWebp(Cursor vp8x, Cursor riff, Verdict verdict) {
        vp8x.need(VP8X_SIZE);
        boolean animation = (vp8x.u8() & VP8X_ANIMATION) != 0;
        vp8x.skip(3);
        long width = 1 + vp8x.u24();
        long height = 1 + vp8x.u24();
        verdict.canvas(width, height);
        while (!riff.atEnd()) {
            Cursor chunk = riff.chunk();
            if (animation && chunk.type == ANMF) {
                chunk.need(ANMF_HEADER);
                long left = 2 * chunk.u24();
                long top = 2 * chunk.u24();
                long frameWidth = 1 + chunk.u24();
                long frameHeight = 1 + chunk.u24();
                chunk.skip(4);
                verdict.frame(left, top, frameWidth, frameHeight);
                Cursor image = firstImage(chunk);
                verdict.bitstream(frameWidth, frameHeight, bitstreamSize(image));
            } else if (!animation && (chunk.type == VP8 || chunk.type == VP8L)) {
                verdict.frame(0, 0, width, height);
                verdict.bitstream(width, height, bitstreamSize(chunk));
            }
        }
    }

    /** The first VP8 or VP8L chunk of an animation frame, after its ALPH and the like. */
    private static Cursor firstImage(Cursor frame) {
        while (!frame.atEnd()) {
            Cursor chunk = frame.chunk();
            if (chunk.type == VP8 || chunk.type == VP8L) {
                skipChunks(frame);
                return chunk;
            }
        }
        throw unreadable();
    }

    private static void skipChunks(Cursor chunks) {
        while (!chunks.atEnd()) {
            chunks.chunk();
        }
    }

    /**
     * Width and height as a VP8 key frame (RFC 6386, 9.1) or a VP8L header declares them.
     * The first partition of a VP8 frame must lie within its chunk.
     */
    private static long[] bitstreamSize(Cursor image) {
        if (image.type == VP8) {
            image.need(VP8_HEADER);
            long tag = image.u24();
            boolean keyFrame = (tag & 1) == 0;
            long firstPartition = tag >> 5;
            if (!keyFrame || image.u24() != VP8_START_CODE
                    || firstPartition > image.remaining() - 4) {
                throw unreadable();
            }
            return new long[] {image.u16() & FOURTEEN_BITS, image.u16() & FOURTEEN_BITS};
        }
        image.need(VP8L_HEADER);
        if (image.u8() != VP8L_SIGNATURE) {
            throw unreadable();
        }
        long bits = image.u32();
        if (bits >>> 29 != 0) {
            throw unreadable();
        }
        return new long[] {1 + (bits & FOURTEEN_BITS), 1 + (bits >> 14 & FOURTEEN_BITS)};
    }

    private static RefusedImage unreadable() {
        return new RefusedImage(AvatarImages.UNREADABLE);
    }

    private static int fourCc(String name) {
        return name.charAt(0) | name.charAt(1) << 8 | name.charAt(2) << 16
                | name.charAt(3) << 24;
    }

    /**
     * What the walk found against the limits, told once the walk is over: the canvas if it
     * is too large, else the first frame that does not fit, else a bitstream that disagrees
     * with its frame. The first frame is what is decoded and stored, so its reach is told
     * as the size of the image, as for a still picture.
     */
    private static final class Verdict {

        private int frames;
        private String tooLarge;
        private boolean inconsistent;

        void canvas(long width, long height) {
            if (width > Avatar.MAX_SIDE || height > Avatar.MAX_SIDE) {
                tooLarge = pixels(width, height);
            }
        }

        void frame(long left, long top, long width, long height) {
            frames++;
            long right = left + width;
            long bottom = top + height;
            if (tooLarge == null && (right > Avatar.MAX_SIDE || bottom > Avatar.MAX_SIDE)) {
                tooLarge = frames == 1 ? pixels(right, bottom)
                        : "frame " + frames + " is " + width + " x " + height + " pixels at "
                        + left + ", " + top + " (every frame must fit in " + Avatar.MAX_SIDE
                        + " x " + Avatar.MAX_SIDE + ")";
            }
        }

        void bitstream(long width, long height, long[] declared) {
            inconsistent |= declared[0] != width || declared[1] != height;
        }

        void deliver() {
            if (frames == 0) {
                throw unreadable();
            }
            if (tooLarge != null) {
                throw new RefusedImage("is too large: " + tooLarge);
            }
            if (inconsistent) {
                throw unreadable();
            }
        }

        private static String pixels(long width, long height) {
            return width + " x " + height + " pixels (at most " + Avatar.MAX_SIDE + " x "
                    + Avatar.MAX_SIDE + ")";
        }
    }

    /**
     * A reading position in a range of the file. Whatever it is asked to read or skip must
     * lie in the range, or the file is refused as damaged.
     */
    private static final class Cursor {

        private final byte[] bytes;
        private final int end;
        private final int type;
        private int position;

        Cursor(byte[] bytes, int start, int end) {
            this(bytes, start, end, 0);
        }

        private Cursor(byte[] bytes, int start, int end, int type) {
            this.bytes = bytes;
            this.position = start;
            this.end = end;
            this.type = type;
        }

        boolean atEnd() {
            return position >= end;
        }

        long remaining() {
            return end - position;
        }

        void need(long count) {
            if (count > remaining()) {
                throw unreadable();
            }
        }

        void skip(long count) {
            need(count);
            position += (int) count;
        }

        int u8() {
            need(1);
            return bytes[position++] & 0xFF;
        }

        int u16() {
            return u8() | u8() << 8;
        }

        long u24() {
            return u16() | (long) u8() << 16;
        }

        long u32() {
            return u16() | (long) u16() << 16;
        }

        /**
         * The next RIFF chunk, as a cursor over its payload that knows its type; this
         * cursor moves past it and the byte that pads it to an even length, which may be
         * missing at the very end.
         */
        Cursor chunk() {
            int chunkType = (int) u32();
            long size = u32();
            need(size);
            Cursor chunk = new Cursor(bytes, position, position + (int) size, chunkType);
            position += (int) size;
            if ((size & 1) != 0 && !atEnd()) {
                position++;
            }
            return chunk;
        }
    }
}
