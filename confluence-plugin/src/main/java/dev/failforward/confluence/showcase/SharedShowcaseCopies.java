package dev.failforward.confluence.showcase;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.confluence.jira.ShowcaseView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The showcase copies every node of the cluster shares, and which outlive a restart: in Confluence's database through
 * SAL's global plugin settings (Bandana, cached per node with cluster-wide invalidation). A node that never rendered
 * the showcase for this viewer, or was restarted since, still prints the viewer's copy when Jira is down.
 *
 * <p>A copy is one setting, {@value #PREFIX} and the SHA-256 (base64url) of the viewer's user key and the parameters
 * (79 characters: SAL's keys are at most 100), holding {@code {"format":1, "fetchedAt": ISO instant, "view": the
 * showcase}}, or {@code {"format":1, "forgottenAt": ISO instant}} once Jira refused the viewer; a copy longer than
 * {@value #MAX_CHARS} characters is not shared (the node keeps it in memory). An index
 * ({@value #INDEX}: {@code [[id, epoch ms], …]}, with a third element 1 for a forgetting) lists them so that old ones
 * are removed: on every write, those older than {@link ShowcaseCopies#MAX_AGE} and, beyond {@value #MAX_ENTRIES}
 * copies, the oldest copies go. The index is
 * read-modify-written without a lock: two nodes writing at the same moment can lose one's entry, whose copy is then
 * removed only when it is next read past its age. Losing a cache entry costs nothing but a fallback message.
 *
 * <p>Never fails the page: a database or JSON error is logged and reads as "no shared copy".
 */
final class SharedShowcaseCopies {

    private static final Logger log = LoggerFactory.getLogger(SharedShowcaseCopies.class);

    static final String PREFIX = "dev.failforward.confluence.showcase.";
    static final String INDEX = PREFIX + "index";
    static final int MAX_ENTRIES = 500;
    static final int MAX_CHARS = 500_000;
    private static final int FORMAT = 1;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** No shared copies: the node's memory only (tests, or a host without plugin settings). */
    static final SharedShowcaseCopies NONE = new SharedShowcaseCopies(null);

    private final PluginSettingsFactory settings;

    SharedShowcaseCopies(PluginSettingsFactory settings) {
        this.settings = settings;
    }

    /** The setting's id of a viewer's copy: SHA-256 of user key and parameters, base64url without padding. */
    static String id(String userKey, String parameters) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(userKey.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(parameters.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /**
     * What the database holds for a viewer's copy: the copy, or when it was forgotten ({@code copy} null). Another
     * node's memory may still hold a copy older than that moment: {@link ShowcaseCopies#last} does not show it.
     */
    record Stored(ShowcaseCopies.Copy copy, Instant at) {
    }

    /**
     * The shared copy or its forgetting, if there is one that can be read; an entry older than {@code maxAge} is
     * removed. Empty also when the database cannot be read (the node's memory then decides).
     */
    Optional<Stored> read(String id, Instant now, Duration maxAge) {
        if (settings == null) {
            return Optional.empty();
        }
        try {
            PluginSettings global = settings.createGlobalSettings();
            if (!(global.get(PREFIX + id) instanceof String stored)) {
                return Optional.empty();
            }
            JsonNode json = MAPPER.readTree(stored);
            boolean forgotten = json.has("forgottenAt");
            Instant at = Instant.parse(json.path(forgotten ? "forgottenAt" : "fetchedAt").asText());
            if (json.path("format").asInt() != FORMAT || at.plus(maxAge).isBefore(now)) {
                global.remove(PREFIX + id);
                return Optional.empty();
            }
            return Optional.of(new Stored(forgotten ? null
                    : new ShowcaseCopies.Copy(MAPPER.treeToValue(json.path("view"), ShowcaseView.class), at), at));
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            log.warn("Fail Forward: a shared showcase copy could not be read and is ignored: {}", e.toString());
            remove(id);
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Fail Forward: shared showcase copies cannot be read just now: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Stores the copy for every node, and removes the copies that are too old or too many. */
    void write(String id, ShowcaseCopies.Copy copy, Duration maxAge) {
        if (settings == null) {
            return;
        }
        try {
            ObjectNode json = MAPPER.createObjectNode();
            json.put("format", FORMAT);
            json.put("fetchedAt", copy.fetchedAt().toString());
            json.set("view", MAPPER.valueToTree(copy.view()));
            String text = MAPPER.writeValueAsString(json);
            if (text.length() > MAX_CHARS) {
                return;
            }
            PluginSettings global = settings.createGlobalSettings();
            if (global.get(PREFIX + id) instanceof String stored && forgottenAfter(stored, copy.fetchedAt())) {
                return; // Jira refused the viewer on another node after this answer was fetched: it stays forgotten
            }
            global.put(PREFIX + id, text);
            index(global, new Entry(id, copy.fetchedAt().toEpochMilli(), false), maxAge);
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Fail Forward: a showcase copy could not be shared with the other nodes: {}", e.toString());
        }
    }

    /**
     * Replaces the copy with the moment it was forgotten (Jira refused the viewer: a copy must not outlive a
     * permission), so that no node shows a copy it holds in memory from before; indexed like a copy, it goes after
     * {@code maxAge}, when every such copy is too old to show anyway.
     */
    void forget(String id, Instant now, Duration maxAge) {
        if (settings == null) {
            return;
        }
        try {
            PluginSettings global = settings.createGlobalSettings();
            if (global.get(PREFIX + id) instanceof String stored && forgottenAfter(stored, Instant.MIN)) {
                return; // forgotten already: a viewer refused again and again writes nothing
            }
            ObjectNode json = MAPPER.createObjectNode();
            json.put("format", FORMAT);
            json.put("forgottenAt", now.toString());
            global.put(PREFIX + id, MAPPER.writeValueAsString(json));
            index(global, new Entry(id, now.toEpochMilli(), true), maxAge);
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Fail Forward: a shared showcase copy could not be forgotten: {}", e.toString());
        }
    }

    private void remove(String id) {
        try {
            settings.createGlobalSettings().remove(PREFIX + id);
        } catch (RuntimeException e) {
            log.warn("Fail Forward: a shared showcase copy could not be removed: {}", e.toString());
        }
    }

    /** Whether the stored value is a forgetting later than {@code moment}. */
    private static boolean forgottenAfter(String stored, Instant moment) {
        try {
            JsonNode json = MAPPER.readTree(stored);
            return json.has("forgottenAt") && Instant.parse(json.path("forgottenAt").asText()).isAfter(moment);
        } catch (JsonProcessingException | DateTimeParseException e) {
            return false;
        }
    }

    /** An index entry: a copy, or the moment one was forgotten ({@code forgotten}). */
    private record Entry(String id, long at, boolean forgotten) {
    }

    /**
     * Adds or moves the entry, then removes what is older than {@code maxAge} and, beyond {@value #MAX_ENTRIES}
     * copies, the oldest copies. Forgettings are not counted against the limit: one removed too early would let a node
     * print a copy it still holds in memory.
     */
    private static void index(PluginSettings global, Entry added, Duration maxAge) throws JsonProcessingException {
        List<Entry> entries = new ArrayList<>();
        if (global.get(INDEX) instanceof String stored) {
            try {
                for (JsonNode entry : MAPPER.readTree(stored)) {
                    if (entry.isArray() && (entry.size() == 2 || entry.size() == 3) && entry.get(0).isTextual()
                            && ID.matcher(entry.get(0).asText()).matches() && entry.get(1).canConvertToLong()
                            && !entry.get(0).asText().equals(added.id())) {
                        entries.add(new Entry(entry.get(0).asText(), entry.get(1).asLong(),
                                entry.size() == 3 && entry.get(2).asInt() == 1));
                    }
                }
            } catch (JsonProcessingException e) {
                log.warn("Fail Forward: the index of shared showcase copies was unreadable and starts again");
            }
        }
        entries.add(added);
        entries.sort(Comparator.comparingLong(Entry::at).reversed());
        long oldest = added.at() - maxAge.toMillis();
        List<Entry> kept = new ArrayList<>();
        int copies = 0;
        for (Entry entry : entries) {
            boolean room = entry.forgotten() || copies < MAX_ENTRIES;
            if (room && entry.at() >= oldest) {
                kept.add(entry);
                copies += entry.forgotten() ? 0 : 1;
            } else {
                global.remove(PREFIX + entry.id());
            }
        }
        ArrayNode json = MAPPER.createArrayNode();
        for (Entry entry : kept) {
            ArrayNode row = json.addArray().add(entry.id()).add(entry.at());
            if (entry.forgotten()) {
                row.add(1);
            }
        }
        global.put(INDEX, MAPPER.writeValueAsString(json));
    }
}
