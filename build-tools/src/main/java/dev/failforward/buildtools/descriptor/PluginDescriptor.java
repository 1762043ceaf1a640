package dev.failforward.buildtools.descriptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * An {@code atlassian-plugin.xml} read once into typed modules: the one descriptor reader of the build (the jar
 * verifier) and of the hosts outside the products (the preview, the Active Objects bridge). Each top-level element
 * with a {@code key} is a module; the kinds a host acts on get their own record ({@link Rest}, {@link Ao},
 * {@link WorkflowModule}, {@link WebResource}, {@link Servlet}, {@link XhtmlMacro}, {@link DashboardItem}), every
 * other kind is a {@link Generic} (web-item, web-section, blueprints, ...), so a host can list what it does not host.
 *
 * <p>Parsing is namespace-aware, offline and entity-free (no DTD, no external entities, no XInclude).
 */
public final class PluginDescriptor {

    public static final String FILE = "atlassian-plugin.xml";

    /** A module: its element name and key. */
    public sealed interface Module permits Rest, Ao, WorkflowModule, WebResource, Servlet, XhtmlMacro, DashboardItem, WebPanel, WebItem, Generic {
        String kind();

        String key();
    }

    /**
     * {@code <rest path version>} with its {@code <package>} elements; no package means the whole plugin is scanned,
     * as REST v2 does.
     */
    public record Rest(String key, String path, String version, List<String> packages) implements Module {
        @Override
        public String kind() {
            return "rest";
        }

        /** {@code /failforward/1.0}: the module's base under {@code /rest}. */
        public String basePath() {
            return (path.startsWith("/") ? path : "/" + path) + "/" + version;
        }
    }

    /** {@code <ao>}: entity and upgrade-task class names, in document order. */
    public record Ao(String key, List<String> entities, List<String> upgradeTasks) implements Module {
        @Override
        public String kind() {
            return "ao";
        }
    }

    /**
     * {@code <workflow-validator|workflow-condition|workflow-function>}: the factory ({@code class}) and the class the
     * workflow XML names ({@code <validator-class>}, {@code <condition-class>}, {@code <function-class>}).
     */
    public record WorkflowModule(String kind, String key, String factoryClass, String moduleClass) implements Module {
    }

    /** {@code <web-resource>}: download resources (name to location), dependencies, contexts, transformers. */
    public record WebResource(String key, Map<String, String> resources, List<String> dependencies,
                              List<String> contexts, List<String> transformers) implements Module {
        @Override
        public String kind() {
            return "web-resource";
        }

        public boolean jsI18n() {
            return transformers.contains("jsI18n");
        }
    }

    /** {@code <servlet class>} with its {@code <url-pattern>}s (under {@code /plugins/servlet}). */
    public record Servlet(String key, String className, List<String> urlPatterns) implements Module {
        @Override
        public String kind() {
            return "servlet";
        }
    }

    /** {@code <xhtml-macro name class>}. */
    public record XhtmlMacro(String key, String name, String className) implements Module {
        @Override
        public String kind() {
            return "xhtml-macro";
        }
    }

    /** {@code <dashboard-item>}: its title's i18n key ({@code <definition><title key>}) and {@code <amd-module>}. */
    public record DashboardItem(String key, String titleKey, String amdModule) implements Module {
        @Override
        public String kind() {
            return "dashboard-item";
        }
    }

    /**
     * {@code <web-panel location weight>} rendered from a template: its {@code <context-provider class>} and
     * {@code <condition class>} (each null when absent) and the location of its {@code <resource type="velocity"
     * name="view">} (null when the panel has a {@code class} instead).
     */
    public record WebPanel(String key, String location, int weight, String contextProviderClass,
                           String conditionClass, String viewTemplate) implements Module {
        @Override
        public String kind() {
            return "web-panel";
        }
    }

    /**
     * {@code <web-item section weight>}: its {@code <label key>}, the text of its {@code <link>} (Jira fills in
     * {@code ${issue.id}} and the like) and its {@code <condition class>} (each null when absent; a
     * {@code <conditions>} group is not read).
     */
    public record WebItem(String key, String section, int weight, String labelKey, String link, String conditionClass)
            implements Module {
        @Override
        public String kind() {
            return "web-item";
        }
    }

    /** Any other module: its kind, key and {@code class} attribute (or null). */
    public record Generic(String kind, String key, String className) implements Module {
    }

    private final Document document;
    private final String key;
    private final List<String> i18nBundles;
    private final Map<String, String> downloads;
    private final List<Module> modules;

    private PluginDescriptor(Document document) {
        this.document = document;
        Element root = document.getDocumentElement();
        this.key = root.getAttribute("key").trim();
        List<String> bundles = new ArrayList<>();
        Map<String, String> downloadResources = new LinkedHashMap<>();
        List<Module> found = new ArrayList<>();
        for (Element child : children(root)) {
            String name = name(child);
            if (name.equals("resource")) {
                if ("i18n".equals(child.getAttribute("type"))) {
                    bundles.add(child.getAttribute("location").trim());
                } else if ("download".equals(child.getAttribute("type"))) {
                    downloadResources.put(child.getAttribute("name"), child.getAttribute("location").trim());
                }
            } else if (child.hasAttribute("key")) {
                found.add(module(name, child));
            }
        }
        this.i18nBundles = List.copyOf(bundles);
        this.downloads = java.util.Collections.unmodifiableMap(downloadResources);
        this.modules = List.copyOf(found);
    }

    /** Parses a descriptor; throws SAXException (with line and column) if it is not well-formed. */
    public static PluginDescriptor parse(byte[] bytes) throws SAXException {
        return new PluginDescriptor(parseXml(bytes));
    }

    /** Reads a descriptor from a URL (a plugin jar's or a class path entry's {@value #FILE}). */
    public static PluginDescriptor read(URL descriptor) {
        try (InputStream in = descriptor.openStream()) {
            return parse(in.readAllBytes());
        } catch (IOException | SAXException e) {
            throw new IllegalArgumentException("Cannot read the plugin descriptor " + descriptor + ": " + e.getMessage(), e);
        }
    }

    /** Every {@value #FILE} on a class path, one per plugin jar, in class path order. */
    public static List<Located> readAll(ClassLoader loader, String resource) {
        List<Located> all = new ArrayList<>();
        try {
            for (URL url : java.util.Collections.list(loader.getResources(resource))) {
                all.add(new Located(url, read(url)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot list the descriptors " + resource + ": " + e.getMessage(), e);
        }
        return all;
    }

    /** A descriptor and where it was read: its plugin's root is the URL without the file name. */
    public record Located(URL url, PluginDescriptor descriptor) {
        /** {@code jar:file:/x.jar!/} or {@code file:/target/classes/}: where the plugin's classes and resources are. */
        public String base() {
            String external = url.toExternalForm();
            int cut = external.lastIndexOf('/');
            return external.substring(0, cut + 1);
        }
    }

    /** The DOM, for checks that look at every element (the jar verifier's lint). */
    public Document document() {
        return document;
    }

    /** The {@code <atlassian-plugin key>}, or "" when absent. */
    public String key() {
        return key;
    }

    /** The plugin-level {@code <resource type="i18n">} locations ({@code i18n.failforward-jira}). */
    public List<String> i18nBundles() {
        return i18nBundles;
    }

    /** The plugin-level {@code <resource type="download">}: name to location. */
    public Map<String, String> downloads() {
        return downloads;
    }

    public List<Module> modules() {
        return modules;
    }

    public <T extends Module> List<T> modules(Class<T> type) {
        return modules.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public Optional<Module> module(String moduleKey) {
        return modules.stream().filter(m -> m.key().equals(moduleKey)).findFirst();
    }

    /** {@code <resource type="i18n" location="i18n.fail-forward"/>} means {@code i18n/fail-forward.properties}. */
    public static String i18nEntry(String location) {
        String stripped = location.startsWith("/") ? location.substring(1) : location;
        return stripped.replace('.', '/') + ".properties";
    }

    private static Module module(String kind, Element element) {
        String moduleKey = element.getAttribute("key").trim();
        String className = element.hasAttribute("class") ? element.getAttribute("class").trim() : null;
        switch (kind) {
            case "rest":
                return new Rest(moduleKey, element.getAttribute("path").trim(), element.getAttribute("version").trim(),
                        texts(element, "package"));
            case "web-panel": {
                String view = null;
                for (Element item : children(element)) {
                    if (name(item).equals("resource") && "velocity".equals(item.getAttribute("type"))
                            && "view".equals(item.getAttribute("name"))) {
                        view = item.getAttribute("location").trim();
                    }
                }
                String weight = element.getAttribute("weight").trim();
                return new WebPanel(moduleKey, element.getAttribute("location").trim(),
                        weight.isEmpty() ? 1000 : Integer.parseInt(weight), childClass(element, "context-provider"),
                        childClass(element, "condition"), view);
            }
            case "web-item": {
                String label = null;
                String link = null;
                for (Element item : children(element)) {
                    if (name(item).equals("label") && item.hasAttribute("key")) {
                        label = item.getAttribute("key").trim();
                    } else if (name(item).equals("link")) {
                        link = item.getTextContent().trim();
                    }
                }
                String weight = element.getAttribute("weight").trim();
                return new WebItem(moduleKey, element.getAttribute("section").trim(),
                        weight.isEmpty() ? 1000 : Integer.parseInt(weight), label, link, childClass(element, "condition"));
            }
            case "ao":
                return new Ao(moduleKey, texts(element, "entity"), texts(element, "upgradeTask"));
            case "workflow-validator":
                return new WorkflowModule(kind, moduleKey, className, first(element, "validator-class"));
            case "workflow-condition":
                return new WorkflowModule(kind, moduleKey, className, first(element, "condition-class"));
            case "workflow-function":
                return new WorkflowModule(kind, moduleKey, className, first(element, "function-class"));
            case "web-resource": {
                Map<String, String> resources = new LinkedHashMap<>();
                List<String> transformers = new ArrayList<>();
                for (Element item : children(element)) {
                    if (name(item).equals("resource") && "download".equals(item.getAttribute("type"))) {
                        resources.put(item.getAttribute("name"), item.getAttribute("location").trim());
                    } else if (name(item).equals("transformation")) {
                        for (Element transformer : children(item)) {
                            transformers.add(transformer.getAttribute("key"));
                        }
                    }
                }
                return new WebResource(moduleKey, java.util.Collections.unmodifiableMap(resources),
                        texts(element, "dependency"), texts(element, "context"), List.copyOf(transformers));
            }
            case "servlet":
                return new Servlet(moduleKey, className, texts(element, "url-pattern"));
            case "xhtml-macro":
                return new XhtmlMacro(moduleKey, element.getAttribute("name").trim(), className);
            case "dashboard-item": {
                String titleKey = null;
                for (Element definition : children(element)) {
                    if (name(definition).equals("definition")) {
                        for (Element title : children(definition)) {
                            if (name(title).equals("title") && title.hasAttribute("key")) {
                                titleKey = title.getAttribute("key").trim();
                            }
                        }
                    }
                }
                return new DashboardItem(moduleKey, titleKey, first(element, "amd-module"));
            }
            default:
                return new Generic(kind, moduleKey, className);
        }
    }

    /** The trimmed text of the direct children named {@code child}. */
    private static List<String> texts(Element parent, String child) {
        List<String> texts = new ArrayList<>();
        for (Element element : children(parent)) {
            if (name(element).equals(child)) {
                texts.add(element.getTextContent().trim());
            }
        }
        return List.copyOf(texts);
    }

    /** The {@code class} attribute of the first {@code child} element, or null. */
    private static String childClass(Element parent, String child) {
        for (Element item : children(parent)) {
            if (name(item).equals(child) && item.hasAttribute("class")) {
                return item.getAttribute("class").trim();
            }
        }
        return null;
    }

    private static String first(Element parent, String child) {
        List<String> texts = texts(parent, child);
        return texts.isEmpty() ? null : texts.get(0);
    }

    /** The element's local name (or its name when it has no namespace). */
    public static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    /** The element children of {@code parent}, in document order. */
    public static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** Namespace-aware, quiet, offline DOM parsing; throws SAXException (with line and column) if not well-formed. */
    public static Document parseXml(byte[] bytes) throws SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            trySetFeature(factory, "http://xml.org/sax/features/external-general-entities", false);
            trySetFeature(factory, "http://xml.org/sax/features/external-parameter-entities", false);
            trySetFeature(factory, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw new SAXException("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage(), e);
                }
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new SAXException(e.getMessage(), e);
        }
    }

    private static void trySetFeature(DocumentBuilderFactory factory, String feature, boolean value) {
        try {
            factory.setFeature(feature, value);
        } catch (ParserConfigurationException e) {
            // not supported by this parser: the other settings still apply
        }
    }
}
