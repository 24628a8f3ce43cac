package pro.gen.organizations.app.bench;

import static pro.gen.organizations.app.support.TestImages.gif;
import static pro.gen.organizations.app.support.TestImages.gifClaiming;
import static pro.gen.organizations.app.support.TestImages.jpeg;
import static pro.gen.organizations.app.support.TestImages.noise;
import static pro.gen.organizations.app.support.TestImages.png;
import static pro.gen.organizations.app.support.TestImages.webp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import pro.gen.organizations.app.avatar.AvatarImages;
import pro.gen.organizations.app.avatar.PreparedAvatar;
import pro.gen.organizations.app.avatar.RefusedImage;

/**
 * How long an avatar upload of about 1 MiB takes to check, decode, re-encode and thumbnail,
 * per format. Not a test: it prints figures. Run it from the project's root with
 * <pre>
 * ./mvnw -q -o -pl app -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath
 * java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" \
 *     pro.gen.organizations.app.bench.AvatarBenchmark 15
 * </pre>
 * where the argument is the number of timed runs per format.
 *
 * <p>The pictures are random pixels, the worst case for every encoder, sized until the file
 * is close to 1 MiB. WebP is made with {@code cwebp} when the machine has it (Debian's
 * {@code webp} package); without it the small lossy sample of the tests stands in.
 */
public final class AvatarBenchmark {

    private static final int TARGET_BYTES = 1024 * 1024;
    private static final int WARM_UP_RUNS = 3;

    private AvatarBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        AvatarImages images = new AvatarImages(1);
        Map<String, byte[]> samples = new LinkedHashMap<>();
        samples.put("JPEG", nearOneMiB(width -> jpeg(noise(width, width * 3 / 4, width))));
        samples.put("PNG", nearOneMiB(width -> png(noise(width, width * 3 / 4, width))));
        samples.put("GIF", nearOneMiB(width -> gif(noise(width, width * 3 / 4, width))));
        samples.put("WebP", webpNearOneMiB());

        System.out.printf(Locale.ROOT, "%-5s %9s %11s %8s %8s %8s %10s %9s%n", "input",
                "bytes", "pixels", "min ms", "median", "max ms", "stored", "thumb");
        for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
            report(images, sample.getKey(), sample.getValue(), runs);
        }
        reportBomb(images, runs);
    }

    private static void report(AvatarImages images, String name, byte[] upload, int runs) {
        PreparedAvatar prepared = null;
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            prepared = images.prepare(upload);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            prepared = images.prepare(upload);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%-5s %9d %11s %8.1f %8.1f %8.1f %10s %9s%n", name,
                upload.length, prepared.avatar().width() + "x" + prepared.avatar().height(),
                millis[0], millis[runs / 2], millis[runs - 1],
                prepared.avatar().size() + " " + shortType(prepared.avatar().contentType()),
                prepared.thumbnail().content().length);
    }

    private static void reportBomb(AvatarImages images, int runs) {
        byte[] bomb = gifClaiming(65535, 65535);
        long start = System.nanoTime();
        for (int i = 0; i < runs * 100; i++) {
            try {
                images.prepare(bomb);
                throw new IllegalStateException("A 65535 x 65535 GIF was accepted");
            } catch (RefusedImage expected) {
                // Refused from its header, as it must be.
            }
        }
        double micros = (System.nanoTime() - start) / 1e3 / (runs * 100);
        System.out.printf(Locale.ROOT, "a %d-byte GIF claiming 65535x65535: refused in %.0f µs"
                + " on average%n", bomb.length, micros);
    }

    /** Searches the width whose file is closest to 1 MiB. */
    private static byte[] nearOneMiB(IntFunction<byte[]> encodeAtWidth) {
        int low = 64;
        int high = 4096;
        byte[] best = encodeAtWidth.apply(low);
        while (high - low > 8) {
            int middle = (low + high) / 2;
            byte[] encoded = encodeAtWidth.apply(middle);
            if (Math.abs(encoded.length - TARGET_BYTES) < Math.abs(best.length - TARGET_BYTES)) {
                best = encoded;
            }
            if (encoded.length < TARGET_BYTES) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return best;
    }

    private static byte[] webpNearOneMiB() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("avatar-bench");
        try {
            return nearOneMiB(width -> cwebp(directory, width));
        } catch (IllegalStateException e) {
            System.out.println("cwebp is not available (" + e.getMessage()
                    + "); WebP is the small lossy test sample");
            return webp("lossy.webp");
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    private static byte[] cwebp(Path directory, int width) {
        Path source = directory.resolve("source.png");
        Path target = directory.resolve("target.webp");
        try {
            Files.write(source, png(noise(width, width * 3 / 4, width)));
            Process process = new ProcessBuilder("cwebp", "-quiet", "-q", "90",
                    source.toString(), "-o", target.toString())
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("cwebp failed");
            }
            return Files.readAllBytes(target);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String shortType(String contentType) {
        return contentType.substring(contentType.indexOf('/') + 1);
    }
}
