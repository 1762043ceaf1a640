package dev.failforward.preview;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.web.Condition;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.buildtools.descriptor.PluginDescriptor;
import dev.failforward.core.text.Html;
import dev.failforward.preview.plugin.PluginComponents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The preview's host of {@code <web-item>} modules in the issue view's operations ({@link #ISSUE_OPERATIONS}), as Jira
 * shows them next to Edit: each item's {@code <condition>} created from the plugin's components (constructor
 * injection, {@code init} with no parameters) once, its label from the plugin's i18n bundle, and its link with the
 * issue's {@code $issue.id} and {@code $issue.key} (or {@code ${…}}) filled in (URL-encoded), as Jira's Velocity
 * rendering of links does. (Our descriptor writes {@code $issue.id}: the build's resource filtering, and the jar check
 * after it, leave no {@code ${…}} in a descriptor.)
 * Web-items of other sections (the admin menu, Confluence's Create dialog) have no host here; the inventory says so.
 */
final class WebItems {

    /** The issue-operation sections the preview's issue view shows, in Jira's words. */
    static final Set<String> ISSUE_OPERATIONS = Set.of("operations-top-level", "operations-operations");

    record Item(String plugin, PluginDescriptor.WebItem module, Condition condition, I18nResolver i18n) {
    }

    private final List<Item> items;
    private final Map<String, String> notHosted;

    private WebItems(List<Item> items, Map<String, String> notHosted) {
        this.items = List.copyOf(items);
        this.notHosted = Map.copyOf(notHosted);
    }

    static WebItems of(Map<String, PluginDescriptor> descriptors, Map<String, PluginComponents> components,
                       Map<String, I18nResolver> i18n) {
        List<Item> items = new ArrayList<>();
        Map<String, String> notHosted = new LinkedHashMap<>();
        for (Map.Entry<String, PluginDescriptor> plugin : descriptors.entrySet()) {
            for (PluginDescriptor.WebItem module : plugin.getValue().modules(PluginDescriptor.WebItem.class)) {
                String what = plugin.getKey() + ":" + module.key();
                PluginComponents container = components.get(plugin.getKey());
                if (!ISSUE_OPERATIONS.contains(module.section())) {
                    notHosted.put(what, "the preview shows no web-item section " + module.section());
                    continue;
                }
                if (container == null || module.link() == null || module.labelKey() == null) {
                    notHosted.put(what, container == null ? "no components of " + plugin.getKey() : "no label or link");
                    continue;
                }
                try {
                    Condition condition = module.conditionClass() == null ? null
                            : (Condition) container.get(Class.forName(module.conditionClass()));
                    if (condition != null) {
                        condition.init(Map.of());
                    }
                    items.add(new Item(plugin.getKey(), module, condition, i18n.get(plugin.getKey())));
                } catch (ClassNotFoundException | RuntimeException e) {
                    notHosted.put(what, "cannot create its condition: " + e);
                }
            }
        }
        items.sort(Comparator.comparingInt(i -> i.module().weight()));
        return new WebItems(items, notHosted);
    }

    /** Null when the item is shown in the issue view; else why not. */
    String whyNotHosted(String plugin, String key) {
        String why = notHosted.get(plugin + ":" + key);
        if (why != null) {
            return why;
        }
        return items.stream().anyMatch(i -> i.plugin().equals(plugin) && i.module().key().equals(key)) ? null
                : "not a web-item of the descriptors";
    }

    /**
     * The issue operations that show for the issue, by weight: each a map of its {@code completeKey}, {@code linkId}
     * (the module key), {@code labelHtml} and {@code urlHtml} (escaped).
     */
    List<Map<String, String>> issueOperations(Issue issue) {
        Map<String, Object> context = Map.of("issue", issue);
        List<Map<String, String>> shown = new ArrayList<>();
        for (Item item : items) {
            if (item.condition() != null && !item.condition().shouldDisplay(context)) {
                continue;
            }
            String label = item.i18n() == null ? item.module().labelKey() : item.i18n().getText(item.module().labelKey());
            String id = encode(String.valueOf(issue.getId()));
            String key = encode(issue.getKey());
            String url = item.module().link().replace("${issue.id}", id).replace("${issue.key}", key)
                    .replace("$issue.id", id).replace("$issue.key", key);
            shown.add(Map.of("completeKey", item.plugin() + ":" + item.module().key(), "linkId", item.module().key(),
                    "labelHtml", Html.escape(label), "urlHtml", Html.escape(url)));
        }
        return shown;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
