package dev.failforward.core.privacy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * HMAC-SHA256 (RFC 2104) over {@link MessageDigest}: {@code H((K ^ opad) || H((K ^ ipad) || message))}. Written out
 * because the plugin bundles may only import packages the products export to plugins, and {@code java.*} (unlike
 * {@code javax.crypto}) needs no import at all. Tested against RFC 4231's vectors and the JDK's {@code Mac}.
 */
public final class HmacSha256 {

    private static final int BLOCK = 64;

    private HmacSha256() {
    }

    public static byte[] mac(byte[] key, byte[] message) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        byte[] block = key.length > BLOCK ? sha256().digest(key) : key;
        block = Arrays.copyOf(block, BLOCK);
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
        MessageDigest digest = sha256();
        digest.update(inner);
        byte[] innerHash = digest.digest(message);
        digest.update(outer);
        return digest.digest(innerHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
