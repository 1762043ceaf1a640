package dev.failforward.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticated encryption built from {@link HmacSha256} only, so a plugin bundle that uses it needs no
 * {@code javax.crypto} import (see {@link HmacSha256}): HMAC-SHA256 as a pseudo-random function in counter mode for
 * the keystream, then HMAC-SHA256 over what was written (encrypt-then-MAC), with keys derived from one secret.
 * <pre>
 *   encKey = HMAC(secret, "ff-seal/enc"), macKey = HMAC(secret, "ff-seal/mac")
 *   nonce  = 16 random bytes (SecureRandom)
 *   block i of the keystream = HMAC(encKey, nonce || i as 4 bytes, big-endian)       i = 0, 1, ...
 *   ciphertext = plaintext XOR keystream
 *   tag = HMAC(macKey, length of context as 4 bytes || context || nonce || ciphertext)
 *   sealed = nonce || ciphertext || tag (32 bytes)
 * </pre>
 * The context (associated data) is authenticated, not encrypted: a value sealed for one context does not open in
 * another. Whoever lacks the secret learns from a sealed value only its length; two seals of the same plaintext
 * differ (random nonce). {@link #open} compares tags in constant time and returns empty for anything it did not seal
 * under this secret and context — another key, a changed byte, a truncated value.
 *
 * <p>Why not AES-GCM: {@code javax.crypto} is a package a bundle would have to import, and whether Jira 11 and
 * Confluence 10 export it to plugins is not checked here; this construction is the textbook PRF-counter-mode plus
 * encrypt-then-MAC, both halves resting on HMAC-SHA256 being a pseudo-random function. It is meant for short values
 * (a pulse score), not bulk data.
 */
public final class SealedBox {

    public static final int NONCE_BYTES = 16;
    public static final int TAG_BYTES = 32;
    /** The least secret length accepted (256 bits). */
    public static final int MIN_SECRET_BYTES = 32;

    private static final byte[] ENC_LABEL = "ff-seal/enc".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAC_LABEL = "ff-seal/mac".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] encKey;
    private final byte[] macKey;

    public SealedBox(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a sealing secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.encKey = HmacSha256.mac(secret, ENC_LABEL);
        this.macKey = HmacSha256.mac(secret, MAC_LABEL);
    }

    /** The length of a sealed plaintext of {@code plaintextLength} bytes. */
    public static int sealedLength(int plaintextLength) {
        return NONCE_BYTES + plaintextLength + TAG_BYTES;
    }

    public byte[] seal(byte[] plaintext, byte[] context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return seal(plaintext, context, nonce);
    }

    /** With a given nonce: for tests only; a nonce must never be used twice with one secret. */
    byte[] seal(byte[] plaintext, byte[] context, byte[] nonce) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must have " + NONCE_BYTES + " bytes");
        }
        byte[] sealed = new byte[sealedLength(plaintext.length)];
        System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
        byte[] stream = keystream(nonce, plaintext.length);
        for (int i = 0; i < plaintext.length; i++) {
            sealed[NONCE_BYTES + i] = (byte) (plaintext[i] ^ stream[i]);
        }
        byte[] tag = tag(context, sealed, NONCE_BYTES + plaintext.length);
        System.arraycopy(tag, 0, sealed, NONCE_BYTES + plaintext.length, TAG_BYTES);
        return sealed;
    }

    /** The plaintext, or empty when {@code sealed} was not sealed by this secret for this context, or was altered. */
    public Optional<byte[]> open(byte[] sealed, byte[] context) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(context, "context");
        if (sealed.length < NONCE_BYTES + TAG_BYTES) {
            return Optional.empty();
        }
        int body = sealed.length - TAG_BYTES;
        byte[] expected = tag(context, sealed, body);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(sealed, body, sealed.length))) {
            return Optional.empty();
        }
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        byte[] stream = keystream(nonce, body - NONCE_BYTES);
        byte[] plaintext = new byte[body - NONCE_BYTES];
        for (int i = 0; i < plaintext.length; i++) {
            plaintext[i] = (byte) (sealed[NONCE_BYTES + i] ^ stream[i]);
        }
        return Optional.of(plaintext);
    }

    private byte[] keystream(byte[] nonce, int length) {
        byte[] stream = new byte[length];
        byte[] input = Arrays.copyOf(nonce, NONCE_BYTES + 4);
        for (int block = 0, offset = 0; offset < length; block++, offset += 32) {
            input[NONCE_BYTES] = (byte) (block >>> 24);
            input[NONCE_BYTES + 1] = (byte) (block >>> 16);
            input[NONCE_BYTES + 2] = (byte) (block >>> 8);
            input[NONCE_BYTES + 3] = (byte) block;
            byte[] bytes = HmacSha256.mac(encKey, input);
            System.arraycopy(bytes, 0, stream, offset, Math.min(32, length - offset));
        }
        return stream;
    }

    /** HMAC over the context's length and bytes, then the first {@code length} bytes of {@code sealed}. */
    private byte[] tag(byte[] context, byte[] sealed, int length) {
        byte[] input = new byte[4 + context.length + length];
        input[0] = (byte) (context.length >>> 24);
        input[1] = (byte) (context.length >>> 16);
        input[2] = (byte) (context.length >>> 8);
        input[3] = (byte) context.length;
        System.arraycopy(context, 0, input, 4, context.length);
        System.arraycopy(sealed, 0, input, 4 + context.length, length);
        return HmacSha256.mac(macKey, input);
    }
}
