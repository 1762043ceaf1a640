package dev.failforward.jira.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fail Forward's two workflows, kept as OSWorkflow XML resources. Status and screen ids differ between Jira instances,
 * so the XML names them by placeholder ({@code ${status.DRAFT}}, {@code ${screen.experiment_plan}}) and {@link #render}
 * fills in this instance's ids; a placeholder without an id is an error, never left in. A transition that asks for
 * input names its own screen ({@code ${screen.experiment_decide}}); {@link #transitionScreens()} lists them.
 */
public enum WorkflowXml {

    EXPERIMENT("workflows/failforward-experiment.xml"),
    INCIDENT("workflows/failforward-incident.xml");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(status|screen)\\.([A-Za-z_]+)}");

    private final String resource;

    WorkflowXml(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }

    /** The XML as shipped, with its placeholders. */
    public String template() {
        try (InputStream in = WorkflowXml.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The workflow resource " + resource + " is missing from the plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * The XML with {@code ${status.X}} replaced by {@code statusIds.get("X")} and {@code ${screen.Y}} by
     * {@code screenIds.get("Y")}.
     */
    public String render(Map<String, String> statusIds, Map<String, String> screenIds) {
        Objects.requireNonNull(statusIds, "statusIds");
        Objects.requireNonNull(screenIds, "screenIds");
        Matcher matcher = PLACEHOLDER.matcher(template());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Map<String, String> ids = matcher.group(1).equals("status") ? statusIds : screenIds;
            String id = ids.get(matcher.group(2));
            if (id == null) {
                throw new IllegalArgumentException("No " + matcher.group(1) + " id for " + matcher.group(2) + " in " + resource);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(id));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The placeholder names the XML uses, e.g. {@code status.DRAFT}, {@code screen.experiment_plan}. */
    public java.util.Set<String> placeholders() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template());
        while (matcher.find()) {
            names.add(matcher.group(1) + "." + matcher.group(2));
        }
        return names;
    }

    /**
     * Every transition of the XML by id, in document order, with the key of the screen it shows ({@code
     * experiment_decide} for {@code ${screen.experiment_decide}}), or {@code null} when it shows none. Setup compares
     * this with an installed workflow to replace the screens of an older version; the preview shows these screens.
     */
    public java.util.Map<Integer, String> transitionScreens() {
        // a scan, not an XML parser: the shipped templates are ours and flat (actions do not nest), and the bundle
        // imports no XML packages for it
        java.util.Map<Integer, String> screens = new java.util.LinkedHashMap<>();
        Matcher action = ACTION.matcher(template());
        while (action.find()) {
            Matcher id = ID.matcher(action.group(1));
            if (!id.find()) {
                throw new IllegalStateException("A transition of " + resource + " has no id: <action " + action.group(1) + ">");
            }
            String screen = null;
            if (VIEW_SCREEN.matcher(action.group(1)).find()) {
                Matcher meta = SCREEN_META.matcher(action.group(2));
                if (!meta.find()) {
                    throw new IllegalStateException("Transition " + id.group(1) + " of " + resource
                            + " shows a screen but names no ${screen.X}");
                }
                screen = meta.group(1);
            }
            screens.put(Integer.valueOf(id.group(1)), screen);
        }
        return java.util.Collections.unmodifiableMap(screens);
    }

    private static final Pattern ACTION = Pattern.compile("<action\\s([^>]*)>(.*?)</action>", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("\\bid=\"(\\d+)\"");
    private static final Pattern VIEW_SCREEN = Pattern.compile("\\bview=\"fieldscreen\"");
    private static final Pattern SCREEN_META = Pattern.compile(
            "<meta\\s+name=\"jira\\.fieldscreen\\.id\">\\s*\\$\\{screen\\.([A-Za-z_]+)}\\s*</meta>");
}
