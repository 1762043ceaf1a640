package dev.failforward.core.award;

import dev.failforward.core.privacy.HmacSha256;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The mark that someone voted in an award: HMAC-SHA256(key, awardId + ":" + voter), 64 hex characters. It is stored
 * instead of the voter and apart from the choice, so a second vote finds it while nothing ties it to a nominee.
 * Without the key (kept in the secret store, never in the database) it cannot be recomputed from a list of users;
 * with the key one can only ask "has X voted?" — the guard names no nominee.
 */
public final class BallotGuard {

    public static final int MIN_KEY_BYTES = 32;

    private BallotGuard() {
    }

    public static String of(byte[] key, String awardId, String voter) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a guard key has at least " + MIN_KEY_BYTES + " bytes");
        }
        if (awardId == null || awardId.isBlank() || awardId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("award id is required and has no ':': " + awardId);
        }
        if (voter == null || voter.isBlank()) {
            throw new IllegalArgumentException("voter is required");
        }
        byte[] message = (awardId + ":" + voter).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(HmacSha256.mac(key, message));
    }
}
