package dev.failforward.buildtools.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;

import dev.failforward.buildtools.descriptor.PluginDescriptor;
import dev.failforward.buildtools.verify.ClassScan.ClassInfo;
import dev.failforward.buildtools.verify.PluginJarVerifier.Verification;

/** The {@value PluginJarVerifier#DESCRIPTOR} and {@value PluginJarVerifier#I18N} checks. */
final class DescriptorChecks {

    private static final Set<String> ICON_PARAMS = Set.of("plugin-icon", "plugin-logo", "plugin-banner", "vendor-icon", "vendor-logo");
    private static final List<String> KEY_ATTRIBUTES = List.of("i18n-name-key", "i18n-key", "i18n-title-key");
    private static final Set<String> KEYED_ELEMENTS = Set.of("description", "label", "tooltip", "title", "heading");
    /** getText("key" or getText('key' as the whole first argument. */
    private static final Pattern GET_TEXT = Pattern.compile("getText\\(\\s*([\"'])([^\"'\\\\\\r\\n]*)\\1\\s*[,)]");
    /** Our namespaced i18n keys, as the domain emits them in string constants. */
    static final Pattern CLASS_CONSTANT_KEY = Pattern.compile("failforward(\\.[a-z0-9_-]+)+");
    private static final byte[] CLASS_CONSTANT_MARKER = "failforward.".getBytes(StandardCharsets.UTF_8);

    private DescriptorChecks() {
    }

    // ----------------------------------------------------------------------------------------------------------------
    // descriptor

    static void descriptor(Verification v) {
        if (v.descriptor == null) {
            v.problem(PluginJarVerifier.DESCRIPTOR, v.descriptorError);
            return;
        }
        Element root = v.descriptor.getDocumentElement();
        if (!Xml.name(root).equals("atlassian-plugin")) {
            v.problem(PluginJarVerifier.DESCRIPTOR, "the root element is <" + Xml.name(root) + ">, not <atlassian-plugin>");
        }
        if (v.descriptorKey() == null) {
            v.problem(PluginJarVerifier.DESCRIPTOR, "<atlassian-plugin> has no key attribute");
        }
        Map<String, Element> modules = new HashMap<>();
        for (Element module : Xml.children(root)) {
            String key = Xml.attribute(module, "key");
            if (key == null) {
                continue;
            }
            Element first = modules.putIfAbsent(key, module);
            if (first != null) {
                v.problem(PluginJarVerifier.DESCRIPTOR, "module key '" + key + "' is used more than once: <" + Xml.name(first)
                        + "> and <" + Xml.name(module) + ">");
            }
        }
        for (Element element : Xml.allElements(v.descriptor)) {
            String name = Xml.name(element);
            String className = Xml.attribute(element, "class");
            if (className != null) {
                checkClass(v, className.trim(), element, "class");
            }
            if (name.equals("resource") && element.hasAttribute("location")) {
                checkResource(v, element);
            }
            if (name.equals("param") && ICON_PARAMS.contains(element.getAttribute("name"))) {
                String path = stripSlash(element.getTextContent().trim());
                if (path.isEmpty() || !v.jar.hasResource(path)) {
                    v.problem(PluginJarVerifier.DESCRIPTOR, where(element) + ": '" + path + "' is not in the jar");
                }
            }
        }
        // the <ao> modules as the reader types them (the preview creates its tables from the same list)
        for (PluginDescriptor.Ao ao : v.plugin.modules(PluginDescriptor.Ao.class)) {
            for (String entity : ao.entities()) {
                checkClass(v, entity, "<entity> in <ao key=\"" + ao.key() + "\">", "text");
            }
            for (String task : ao.upgradeTasks()) {
                checkClass(v, task, "<upgradeTask> in <ao key=\"" + ao.key() + "\">", "text");
            }
        }
    }

    private static void checkClass(Verification v, String className, Element element, String what) {
        checkClass(v, className, where(element), what);
    }

    private static void checkClass(Verification v, String className, String where, String what) {
        if (className.isEmpty()) {
            v.problem(PluginJarVerifier.DESCRIPTOR, where + ": empty " + what);
        } else if (!v.canLoad(className)) {
            v.problem(PluginJarVerifier.DESCRIPTOR, where + ": class " + className + " is not in the jar and its package '"
                    + PluginJarVerifier.packageOf(className) + "' is not in Import-Package");
        }
    }

    private static void checkResource(Verification v, Element resource) {
        String location = resource.getAttribute("location").trim();
        if ("i18n".equals(resource.getAttribute("type"))) {
            String entry = i18nEntry(location);
            if (!v.jar.hasResource(entry)) {
                v.problem(PluginJarVerifier.DESCRIPTOR, where(resource) + ": i18n bundle " + entry + " is not in the jar");
            }
            return;
        }
        String path = stripSlash(location);
        if (isHostTemplate(resource, path)) {
            return;
        }
        if (path.isEmpty()) {
            v.problem(PluginJarVerifier.DESCRIPTOR, where(resource) + ": empty location");
        } else if (path.endsWith("/") ? !v.jar.hasResourcesUnder(path)
                : !v.jar.hasResource(path) && !v.jar.hasResourcesUnder(path + "/")) { // a download location may name a directory
            v.problem(PluginJarVerifier.DESCRIPTOR, where(resource) + ": " + (path.endsWith("/") ? "directory " : "") + path
                    + " is not in the jar");
        }
    }

    /**
     * Jira's own custom field templates ({@code templates/plugins/fields/…}, e.g. its number range searcher's), which
     * a {@code customfield-searcher} using Jira's searcher class names: they are in Jira, never in a plugin jar.
     */
    static boolean isHostTemplate(Element resource, String path) {
        return "velocity".equals(resource.getAttribute("type")) && path.startsWith("templates/plugins/fields/")
                && resource.getParentNode() instanceof Element module && "customfield-searcher".equals(Xml.name(module));
    }

    /** {@code <resource type="i18n" location="i18n.fail-forward"/>} means {@code i18n/fail-forward.properties}. */
    static String i18nEntry(String location) {
        return PluginDescriptor.i18nEntry(location);
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** E.g. {@code <resource name="x.js"> in <web-resource key="assets">}. */
    static String where(Element element) {
        Element module = element;
        while (module.getParentNode() instanceof Element parent && parent.getParentNode() instanceof Element) {
            module = parent;
        }
        String self = tag(element);
        if (module == element) {
            return self;
        }
        String key = Xml.attribute(module, "key");
        return self + " in <" + Xml.name(module) + (key == null ? "" : " key=\"" + key + "\"") + ">";
    }

    private static String tag(Element element) {
        StringBuilder tag = new StringBuilder("<").append(Xml.name(element));
        for (String attribute : List.of("key", "name", "type", "location", "class")) {
            if (element.hasAttribute(attribute)) {
                tag.append(' ').append(attribute).append("=\"").append(element.getAttribute(attribute)).append('"');
                if (!attribute.equals("key") && !attribute.equals("name") && !attribute.equals("type")) {
                    break;
                }
            }
        }
        return tag.append('>').toString();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // i18n

    static void i18n(Verification v) {
        if (v.descriptor == null) {
            return; // the descriptor check reports it; without bundles every key would look missing
        }
        List<String> bundles = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Element element : Xml.allElements(v.descriptor)) {
            if (Xml.name(element).equals("resource") && "i18n".equals(element.getAttribute("type")) && element.hasAttribute("location")) {
                String entry = i18nEntry(element.getAttribute("location").trim());
                bundles.add(entry);
                byte[] bytes = v.jar.resource(entry);
                if (bytes != null) {
                    keys.addAll(load(v, entry, bytes).stringPropertyNames());
                }
            }
        }
        Map<String, Set<String>> uses = new LinkedHashMap<>(); // where -> keys, in discovery order
        for (Element element : Xml.allElements(v.descriptor)) {
            for (String attribute : KEY_ATTRIBUTES) {
                use(uses, PluginJarVerifier.DESCRIPTOR_FILE + " " + where(element) + " " + attribute, element.getAttribute(attribute));
            }
            if (KEYED_ELEMENTS.contains(Xml.name(element))) {
                use(uses, PluginJarVerifier.DESCRIPTOR_FILE + " " + where(element), element.getAttribute("key"));
            }
        }
        for (Map.Entry<String, byte[]> entry : v.jar.entries.entrySet()) {
            String name = entry.getKey();
            if (name.endsWith(".vm") || name.endsWith(".js") || name.endsWith(".soy")) {
                String text = new String(entry.getValue(), StandardCharsets.UTF_8);
                Matcher m = GET_TEXT.matcher(text);
                while (m.find()) {
                    String key = m.group(2);
                    if (!key.isBlank() && key.chars().noneMatch(c -> c == '$' || c == '{' || Character.isWhitespace(c))) {
                        use(uses, name + " line " + lineOf(text, m.start()), key);
                    }
                }
            }
        }
        for (ClassInfo info : v.classes.values()) {
            classConstants(uses, "class " + info.binaryName(), info);
        }
        for (Map.Entry<String, Map<String, byte[]>> nested : v.jar.nestedJars.entrySet()) {
            for (Map.Entry<String, byte[]> entry : nested.getValue().entrySet()) {
                if (entry.getKey().endsWith(".class") && contains(entry.getValue(), CLASS_CONSTANT_MARKER)) {
                    try {
                        ClassInfo info = ClassScan.read(entry.getValue());
                        classConstants(uses, "class " + info.binaryName() + " in " + nested.getKey(), info);
                    } catch (RuntimeException e) {
                        v.problem(PluginJarVerifier.I18N, nested.getKey() + "!/" + entry.getKey() + " cannot be read as a class file: " + e);
                    }
                }
            }
        }
        for (Map.Entry<String, Set<String>> use : uses.entrySet()) {
            for (String key : use.getValue()) {
                if (!keys.contains(key)) {
                    v.problem(PluginJarVerifier.I18N, "i18n key '" + key + "' used in " + use.getKey() + " is not in "
                            + (bundles.isEmpty() ? "any i18n bundle (no <resource type=\"i18n\"> is declared)" : "the i18n bundles " + bundles));
                }
            }
        }
    }

    private static void classConstants(Map<String, Set<String>> uses, String where, ClassInfo info) {
        for (String constant : info.strings()) {
            if (CLASS_CONSTANT_KEY.matcher(constant).matches()) {
                use(uses, where, constant);
            }
        }
    }

    private static void use(Map<String, Set<String>> uses, String where, String key) {
        if (key != null && !key.isBlank()) {
            uses.computeIfAbsent(where, w -> new LinkedHashSet<>()).add(key.trim());
        }
    }

    private static Properties load(Verification v, String entry, byte[] bytes) {
        Properties properties = new Properties();
        try (InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            v.problem(PluginJarVerifier.I18N, entry + " cannot be read as a properties file: " + e.getMessage());
        }
        return properties;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean contains(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
