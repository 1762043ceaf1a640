package dev.failforward.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SealedBoxTest {

    private static final byte[] SECRET = bytes(32, 7);
    private static final byte[] CONTEXT = "OPS|2026-11-01|2026-12-01".getBytes(StandardCharsets.UTF_8);

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void whatIsSealedOpensWithTheSameSecretAndContext() {
        SealedBox box = new SealedBox(SECRET);
        for (int length : new int[] {0, 1, 16, 31, 32, 33, 100}) {
            byte[] plaintext = bytes(length, length);
            byte[] sealed = box.seal(plaintext, CONTEXT);
            assertThat(sealed).hasSize(SealedBox.sealedLength(length)).hasSize(16 + length + 32);
            assertThat(box.open(sealed, CONTEXT)).hasValueSatisfying(p -> assertThat(p).isEqualTo(plaintext));
            assertThat(new SealedBox(SECRET.clone()).open(sealed, CONTEXT)).as("a second box on the same secret").isPresent();
        }
    }

    @Test
    void theSamePlaintextSealsDifferentlyEveryTimeAndAlwaysToTheSameLength() {
        SealedBox box = new SealedBox(SECRET);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            byte[] sealed = box.seal(new byte[] {1, 4}, CONTEXT);
            assertThat(sealed).hasSize(50);
            assertThat(seen.add(Arrays.toString(sealed))).isTrue();
        }
    }

    @Test
    void anotherSecretAnotherContextOrAnyChangedByteDoesNotOpen() {
        SealedBox box = new SealedBox(SECRET);
        byte[] sealed = box.seal(new byte[] {1, 3, 9, 9}, CONTEXT);
        assertThat(new SealedBox(bytes(32, 8)).open(sealed, CONTEXT)).isEmpty();
        assertThat(box.open(sealed, "CARE|2026-11-01|2026-12-01".getBytes(StandardCharsets.UTF_8))).isEmpty();
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] changed = sealed.clone();
                changed[i] ^= (byte) (1 << bit);
                assertThat(box.open(changed, CONTEXT)).as("byte %d bit %d", i, bit).isEmpty();
            }
        }
        assertThat(box.open(Arrays.copyOf(sealed, sealed.length - 1), CONTEXT)).isEmpty();
        assertThat(box.open(new byte[47], CONTEXT)).isEmpty();
        assertThat(box.open(new byte[0], CONTEXT)).isEmpty();
    }

    @Test
    void theConstructionIsTheDocumentedOneComputedWithTheJdksMac() throws Exception {
        byte[] nonce = bytes(16, 3);
        byte[] plaintext = bytes(70, 4); // three keystream blocks
        byte[] sealed = new SealedBox(SECRET).seal(plaintext, CONTEXT, nonce);

        byte[] encKey = jdkMac(SECRET, "ff-seal/enc".getBytes(StandardCharsets.US_ASCII));
        byte[] macKey = jdkMac(SECRET, "ff-seal/mac".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int block = 0; block < 3; block++) {
            stream.write(jdkMac(encKey, concat(nonce, new byte[] {0, 0, 0, (byte) block})));
        }
        byte[] keystream = stream.toByteArray();
        byte[] ciphertext = new byte[plaintext.length];
        for (int i = 0; i < plaintext.length; i++) {
            ciphertext[i] = (byte) (plaintext[i] ^ keystream[i]);
        }
        byte[] tag = jdkMac(macKey, concat(new byte[] {0, 0, 0, (byte) CONTEXT.length}, CONTEXT, nonce, ciphertext));
        assertThat(sealed).isEqualTo(concat(nonce, ciphertext, tag));
    }

    @Test
    void aShortSecretOrANonceOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new SealedBox(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SealedBox(SECRET).seal(new byte[1], CONTEXT, new byte[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
    }

    private static byte[] jdkMac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
