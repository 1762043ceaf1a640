package dev.failforward.core.award;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BallotGuardTest {

    private static final byte[] KEY = key(7);

    @Test
    void theGuardIsTheHmacOfAwardAndVoterUnderTheKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal("instance@2026-10-01:JIRAUSER10100".getBytes(StandardCharsets.UTF_8)));

        assertThat(BallotGuard.of(KEY, "instance@2026-10-01", "JIRAUSER10100")).isEqualTo(expected).hasSize(64);
    }

    @Test
    void theSameVoterInTheSameAwardAlwaysGivesTheSameGuardAndNothingElseDoes() {
        String guard = BallotGuard.of(KEY, "instance@2026-10-01", "ana");

        assertThat(BallotGuard.of(KEY, "instance@2026-10-01", "ana")).isEqualTo(guard);
        assertThat(BallotGuard.of(KEY, "instance@2026-10-01", "ben")).isNotEqualTo(guard);
        assertThat(BallotGuard.of(KEY, "platform@2026-10-01", "ana")).isNotEqualTo(guard);
        assertThat(BallotGuard.of(KEY, "instance@2027-01-01", "ana")).isNotEqualTo(guard);
        assertThat(BallotGuard.of(key(8), "instance@2026-10-01", "ana")).isNotEqualTo(guard);
        assertThat(guard).doesNotContainIgnoringCase("ana").matches("[0-9a-f]{64}");
    }

    @Test
    void refusesShortKeysAndAmbiguousAwardIds() {
        assertThatThrownBy(() -> BallotGuard.of(new byte[16], "instance@2026-10-01", "ana"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BallotGuard.of(KEY, "a:b", "ana")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BallotGuard.of(KEY, "instance@2026-10-01", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
