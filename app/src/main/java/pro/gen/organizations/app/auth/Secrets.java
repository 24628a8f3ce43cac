package pro.gen.organizations.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Making, hashing and comparing the secrets that callers present. */
final class Secrets {

    static final String API_KEY_PREFIX = "gen_pat_";

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** 43 characters of a 62-letter alphabet carry 256 bits of entropy. */
    private static final int KEY_LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newApiKey() {
        StringBuilder key = new StringBuilder(API_KEY_PREFIX);
        for (int i = 0; i < KEY_LENGTH; i++) {
            key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }

    /**
     * SHA-256 of a secret. The keys are long random strings, so a fast hash is enough: there
     * is nothing to guess from a digest, unlike with a person's password.
     */
    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    static boolean sameSecret(String presented, byte[] expectedDigest) {
        return MessageDigest.isEqual(digest(presented), expectedDigest);
    }
}
