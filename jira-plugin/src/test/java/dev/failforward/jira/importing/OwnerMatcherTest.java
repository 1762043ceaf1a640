package dev.failforward.jira.importing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Written owners matched to users: by user name ("@jdoe", "jdoe"), then by exactly one user with the e-mail address,
 * then by exactly one user with the display name (case ignored); two users with the address or the name, or none,
 * leave the owner as text. Each written owner is looked up once.
 */
class OwnerMatcherTest {

    private final List<String> asked = new ArrayList<>();
    private final List<OwnerDirectory.User> users = List.of(new OwnerDirectory.User("jdoe", "Jane Doe"),
            new OwnerDirectory.User("jberg", "Jonas Berg"), new OwnerDirectory.User("jberg2", "Jonas Berg"),
            new OwnerDirectory.User("ops-bot", "Ops Bot"), new OwnerDirectory.User("mk", "Marta Kowalski"),
            new OwnerDirectory.User("mk2", "Marta K."));
    private final OwnerMatcher matcher = new OwnerMatcher(new OwnerDirectory() {
        @Override
        public Optional<User> byUsername(String username) {
            asked.add("name:" + username);
            return users.stream().filter(u -> u.key().equalsIgnoreCase(username)).findFirst();
        }

        @Override
        public List<User> byEmail(String email) {
            asked.add("email:" + email);
            return switch (email.toLowerCase()) {
                case "jane.doe@example.com" -> List.of(users.get(0));
                case "shared@example.com" -> List.of(users.get(4), users.get(5));
                default -> List.of();
            };
        }

        @Override
        public List<User> byDisplayName(String displayName) {
            asked.add("display:" + displayName);
            return users.stream().filter(u -> u.displayName().equalsIgnoreCase(displayName)).toList();
        }
    });

    @Test
    void matchesByUserNameThenEmailThenDisplayName() {
        assertThat(matcher.match("@jdoe")).isEqualTo(new OwnerMatcher.Match("@jdoe", OwnerMatcher.How.USERNAME,
                users.get(0)));
        assertThat(matcher.match("JDOE").how()).isEqualTo(OwnerMatcher.How.USERNAME);
        assertThat(matcher.match("jane.doe@example.com")).satisfies(m -> {
            assertThat(m.how()).isEqualTo(OwnerMatcher.How.EMAIL);
            assertThat(m.userKey()).contains("jdoe");
        });
        assertThat(matcher.match("Jane Doe")).satisfies(m -> {
            assertThat(m.how()).isEqualTo(OwnerMatcher.How.DISPLAY_NAME);
            assertThat(m.userKey()).contains("jdoe");
        });
        assertThat(matcher.match("  marta kowalski ").userKey()).contains("mk");
    }

    @Test
    void ambiguousOrUnknownOwnersStayText() {
        assertThat(matcher.match("Jonas Berg")).isEqualTo(new OwnerMatcher.Match("Jonas Berg",
                OwnerMatcher.How.AMBIGUOUS, null));
        assertThat(matcher.match("shared@example.com").how()).isEqualTo(OwnerMatcher.How.AMBIGUOUS);
        assertThat(matcher.match("nobody@example.com").how()).isEqualTo(OwnerMatcher.How.UNKNOWN);
        assertThat(matcher.match("The SRE team").how()).isEqualTo(OwnerMatcher.How.UNKNOWN);
        assertThat(matcher.match("Jane").how()).isEqualTo(OwnerMatcher.How.UNKNOWN); // no first-name guessing
        assertThat(matcher.match("jane@doe").how()).isEqualTo(OwnerMatcher.How.UNKNOWN);
        assertThat(matcher.match(null).how()).isEqualTo(OwnerMatcher.How.UNKNOWN);
        assertThat(matcher.match("  ").userKey()).isEmpty();
    }

    @Test
    void aWrittenOwnerIsLookedUpOncePerBatch() {
        matcher.match("Jane Doe");
        matcher.match("jane doe");
        matcher.match("Jane Doe ");

        assertThat(asked).containsExactly("display:Jane Doe");
    }

    @Test
    void aNameWithSpacesIsNeverAskedAsAUserName() {
        matcher.match("Ops Bot");
        assertThat(asked).containsExactly("display:Ops Bot");
    }
}
