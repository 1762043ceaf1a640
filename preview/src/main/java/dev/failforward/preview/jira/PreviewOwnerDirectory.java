package dev.failforward.preview.jira;

import dev.failforward.jira.importing.OwnerDirectory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The import's {@link OwnerDirectory} in the preview: its Jira users ({@link PreviewUserManager#NAMES}), whose user name
 * is their key and whose e-mail address is {@code first.last@example.com} made from their full name (Anna Berg is
 * {@code anna}, {@code anna.berg@example.com}).
 */
public final class PreviewOwnerDirectory implements OwnerDirectory {

    /** A preview user's e-mail address. */
    public static String email(String userKey) {
        return PreviewUserManager.NAMES.get(userKey).toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com";
    }

    @Override
    public Optional<User> byUsername(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return PreviewUserManager.NAMES.containsKey(key) ? Optional.of(user(key)) : Optional.empty();
    }

    @Override
    public List<User> byEmail(String email) {
        return PreviewUserManager.NAMES.keySet().stream().sorted().filter(k -> email(k).equalsIgnoreCase(email.strip()))
                .map(PreviewOwnerDirectory::user).toList();
    }

    @Override
    public List<User> byDisplayName(String displayName) {
        return PreviewUserManager.NAMES.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(displayName.strip()))
                .map(Map.Entry::getKey).sorted().map(PreviewOwnerDirectory::user).toList();
    }

    private static User user(String key) {
        return new User(key, PreviewUserManager.NAMES.get(key));
    }
}
