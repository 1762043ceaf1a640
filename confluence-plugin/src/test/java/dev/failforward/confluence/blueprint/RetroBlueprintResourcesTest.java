package dev.failforward.confluence.blueprint;

import com.atlassian.confluence.plugins.createcontent.api.contextproviders.AbstractBlueprintContextProvider;
import dev.failforward.confluence.retro.IssueKeys;
import dev.failforward.confluence.retro.RetroKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.failforward.confluence.blueprint.RetroBlueprintTemplatesTest.bundle;
import static dev.failforward.confluence.blueprint.RetroBlueprintTemplatesTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blueprints' descriptor modules as the create-content plugin reads them (attribute names from its decompiled
 * module descriptors), and the wizard's soy template and script they point at: every reference resolves (module keys,
 * resources on the class path, classes, i18n keys), the soy template's name is the dialog page's template-key, the
 * script registers the web-items' complete keys and the page id, and checks keys exactly as {@link IssueKeys} does.
 */
class RetroBlueprintResourcesTest {

    static final String PLUGIN_KEY = RetroKeys.PLUGIN_KEY;
    static final String SOY = "soy/retro-blueprint.soy";
    static final String JS = "js/retro-blueprint.js";

    private static Element root;
    private static Properties bundle;
    private static final Map<String, Element> modules = new HashMap<>();

    @BeforeAll
    static void readDescriptor() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try (InputStream in = RetroBlueprintResourcesTest.class.getClassLoader().getResourceAsStream("atlassian-plugin.xml")) {
            Document descriptor = factory.newDocumentBuilder().parse(in);
            root = descriptor.getDocumentElement();
        }
        for (Element module : children(root, null)) {
            if (module.hasAttribute("key")) {
                modules.put(module.getAttribute("key"), module);
            }
        }
        bundle = bundle();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && (name == null || e.getTagName().equals(name))) {
                result.add(e);
            }
        }
        return result;
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("one <" + name + "> in <" + parent.getTagName() + " key=" + parent.getAttribute("key") + ">")
                .hasSize(1);
        return found.get(0);
    }

    private static Element module(String type, String key) {
        Element module = modules.get(key);
        assertThat(module).as("module " + key).isNotNull();
        assertThat(module.getTagName()).isEqualTo(type);
        return module;
    }

    private static List<Element> blueprintWebItems() {
        List<Element> items = new ArrayList<>();
        for (Element item : children(root, "web-item")) {
            // the retro blueprints; the showcase's (no wizard, no retro template) is ShowcaseKeysTest's
            if ("system.create.dialog/content".equals(item.getAttribute("section"))
                    && !dev.failforward.confluence.showcase.ShowcaseKeys.WEB_ITEM.equals(item.getAttribute("key"))) {
                items.add(item);
            }
        }
        return items;
    }

    private static String param(Element module, String name) {
        for (Element param : children(module, "param")) {
            if (param.getAttribute("name").equals(name)) {
                return param.hasAttribute("value") ? param.getAttribute("value") : param.getTextContent().trim();
            }
        }
        throw new AssertionError("no <param name=\"" + name + "\"> in " + module.getAttribute("key"));
    }

    private void assertKey(String where, String key) {
        assertThat(key).as(where).isNotBlank();
        assertThat(bundle.getProperty(key)).as(where + ": i18n key " + key).isNotBlank();
    }

    private static void assertOnClassPath(String location) {
        String path = location.startsWith("/") ? location.substring(1) : location;
        assertThat(RetroBlueprintResourcesTest.class.getClassLoader().getResource(path)).as(location).isNotNull();
    }

    @Test
    void eachBlueprintIsAWebItemABlueprintAndAContentTemplateThatReferToEachOther() {
        List<Element> items = blueprintWebItems();
        assertThat(items).extracting(i -> i.getAttribute("key"))
                .containsExactlyInAnyOrder(RetroKeys.POSTMORTEM_WEB_ITEM, RetroKeys.EXPERIMENT_RETRO_WEB_ITEM);
        Map<String, RetroBlueprint> templates = new LinkedHashMap<>();
        for (Element item : items) {
            assertKey("web-item i18n-name-key", item.getAttribute("i18n-name-key"));
            assertKey("web-item description", only(item, "description").getAttribute("key"));
            Element icon = only(item, "resource");
            assertThat(icon.getAttribute("name")).isEqualTo("icon");
            assertThat(icon.getAttribute("type")).isEqualTo("download");
            assertOnClassPath(icon.getAttribute("location"));

            Element blueprint = module("blueprint", param(item, "blueprintKey"));
            assertKey("blueprint i18n-name-key", blueprint.getAttribute("i18n-name-key"));
            assertKey("blueprint i18n-index-title-key", blueprint.getAttribute("i18n-index-title-key"));
            assertThat(blueprint.getAttribute("index-key")).as("index-key: the label of every page").matches("[a-z0-9-]+");
            assertThat(blueprint.getAttribute("create-result")).isEqualTo("edit");

            Element contentTemplate = module("content-template", blueprint.getAttribute("content-template-key"));
            assertKey("content-template i18n-name-key", contentTemplate.getAttribute("i18n-name-key"));
            assertKey("content-template description", only(contentTemplate, "description").getAttribute("key"));
            Element template = only(contentTemplate, "resource");
            assertThat(template.getAttribute("name")).isEqualTo("template");
            assertThat(template.getAttribute("type")).isEqualTo("download");
            assertOnClassPath(template.getAttribute("location"));

            Element provider = only(contentTemplate, "context-provider");
            assertThat(provider.getAttribute("class")).isEqualTo(RetroBlueprintContextProvider.class.getName());
            RetroBlueprint chosen = RetroBlueprint.forTemplateId(param(provider, RetroBlueprintContextProvider.TEMPLATE_PARAM))
                    .orElseThrow();
            assertThat(template.getAttribute("location")).isEqualTo(RetroBlueprintTemplatesTest.location(chosen));
            templates.put(item.getAttribute("key"), chosen);
        }
        assertThat(templates).containsEntry(RetroKeys.POSTMORTEM_WEB_ITEM, RetroBlueprint.POSTMORTEM)
                .containsEntry(RetroKeys.EXPERIMENT_RETRO_WEB_ITEM, RetroBlueprint.EXPERIMENT_RETRO);
    }

    @Test
    void theContextProviderIsAClassConfluenceCanMakeAndUse() throws Exception {
        Class<?> provider = Class.forName(RetroBlueprintContextProvider.class.getName());
        assertThat(AbstractBlueprintContextProvider.class).isAssignableFrom(provider);
        // made by the plugin's Spring context: one public constructor, whose parameters are our components
        assertThat(provider.getConstructors()).hasSize(1);
        assertThat(provider.getConstructors()[0].getParameterTypes()).containsExactly(RetroBlueprintPages.class);
        assertThat(RetroBlueprintPages.class.isAnnotationPresent(jakarta.inject.Named.class)).isTrue();
        assertThat(provider.isAnnotationPresent(jakarta.inject.Named.class)).as("not a component itself").isFalse();
    }

    @Test
    void eachWizardHasOneLastPageWhoseTemplateIsTheSoyTemplate() throws Exception {
        String templateName = soyTemplateName(resource(SOY));
        for (Element item : blueprintWebItems()) {
            Element blueprint = module("blueprint", param(item, "blueprintKey"));
            Element wizard = only(blueprint, "dialog-wizard");
            assertThat(wizard.getAttribute("key")).isNotBlank();
            Element page = only(wizard, "dialog-page");
            assertThat(page.getAttribute("id")).isEqualTo(RetroKeys.WIZARD_PAGE);
            assertThat(page.getAttribute("template-key")).isEqualTo(templateName);
            assertThat(page.getAttribute("last")).isEqualTo("true");
            for (String attribute : List.of("title-key", "description-header-key", "description-content-key")) {
                assertKey("dialog-page " + attribute, page.getAttribute(attribute));
            }
        }
    }

    @Test
    void theWizardResourcesAreSoyAndScriptLoadedWithTheCreateDialog() {
        Element resources = module("web-resource", "retro-blueprint-wizard");
        assertKey("web-resource i18n-name-key", resources.getAttribute("i18n-name-key"));
        assertThat(children(resources, "context")).extracting(Node::getTextContent).containsExactly("create-content");
        assertThat(children(resources, "dependency")).extracting(d -> d.getTextContent().trim())
                .contains("com.atlassian.confluence.plugins.confluence-create-content-plugin:resources");
        Map<String, String> transformers = new HashMap<>();
        for (Element transformation : children(resources, "transformation")) {
            Element transformer = only(transformation, "transformer");
            transformers.put(transformation.getAttribute("extension"), transformer.getAttribute("key"));
            if (transformer.getAttribute("key").equals("soyTransformer")) {
                assertThat(only(transformer, "functions").getTextContent().trim())
                        .isEqualTo("com.atlassian.confluence.plugins.soy:soy-core-functions");
            }
        }
        assertThat(transformers).containsEntry("soy", "soyTransformer").containsEntry("js", "jsI18n");
        Map<String, String> files = new LinkedHashMap<>();
        for (Element resource : children(resources, "resource")) {
            assertThat(resource.getAttribute("type")).isEqualTo("download");
            assertOnClassPath(resource.getAttribute("location"));
            files.put(resource.getAttribute("location"), resource.getAttribute("name"));
        }
        assertThat(files).containsOnlyKeys(SOY, JS);
        assertThat(files.get(SOY)).endsWith(".js");
    }

    /** {namespace X} plus {template .y}: the name the dialog page's template-key must give. */
    static String soyTemplateName(String soy) {
        Matcher namespace = Pattern.compile("(?m)^\\{namespace ([A-Za-z][\\w.]*)}\\s*$").matcher(soy);
        assertThat(namespace.find()).as("a {namespace} line").isTrue();
        Matcher template = Pattern.compile("\\{template (\\.[A-Za-z]\\w*)}").matcher(soy);
        assertThat(template.find()).as("a {template .name}").isTrue();
        String name = namespace.group(1) + template.group(1);
        assertThat(template.find()).as("one template only").isFalse();
        return name;
    }

    @Test
    void theSoyTemplateIsOneDocumentedFormWithTheFieldTheServerReads() throws Exception {
        String soy = resource(SOY);
        assertThat(soyTemplateName(soy)).isEqualTo("FailForward.Blueprints.Retro.issueForm");
        // Closure Templates (the fork Confluence runs too) needs a SoyDoc comment right before each template
        assertThat(soy).containsPattern("\\*/\\s*\\{template \\.issueForm}");
        assertThat(count(soy, "\\{template ")).isEqualTo(count(soy, "\\{/template}")).isEqualTo(1);
        assertThat(soy).doesNotContainPattern("\\{(?!namespace |template |/template}|getText\\(')");
        assertThat(soy).contains("name=\"" + RetroBlueprintContextProvider.ISSUE_KEY_FIELD + "\"");
        assertThat(soy).contains("<form action=\"#\" method=\"post\" class=\"aui");
        assertThat(soy).contains("<label for=\"ff-blueprint-issue-key\">").contains("id=\"ff-blueprint-issue-key\"");
        assertThat(soy).contains("class=\"description\"").contains("class=\"error\"");
        Matcher getText = Pattern.compile("getText\\('([^']+)'\\)").matcher(soy);
        int keys = 0;
        while (getText.find()) {
            assertKey(SOY, getText.group(1));
            keys++;
        }
        assertThat(keys).isEqualTo(3);
    }

    @Test
    void theScriptRegistersBothWebItemsAndThePage() throws Exception {
        String js = resource(JS);
        List<String> registered = new ArrayList<>();
        Matcher item = Pattern.compile("'(" + Pattern.quote(PLUGIN_KEY) + ":[\\w-]+)'").matcher(js);
        while (item.find()) {
            registered.add(item.group(1));
        }
        assertThat(registered).containsExactlyInAnyOrderElementsOf(
                blueprintWebItems().stream().map(i -> PLUGIN_KEY + ":" + i.getAttribute("key")).toList());
        assertThat(js).contains("Confluence.Blueprint.setWizard(")
                .contains("var PAGE_ID = '" + RetroKeys.WIZARD_PAGE + "';")
                .contains("var FIELD = '" + RetroBlueprintContextProvider.ISSUE_KEY_FIELD + "';")
                .contains("wizard.on('submit.' + PAGE_ID").contains("return false;")
                .contains("$error.text(message)").doesNotContain(".html(");
        Matcher getText = Pattern.compile("AJS\\.I18n\\.getText\\('([^']+)'\\)").matcher(js);
        int keys = 0;
        while (getText.find()) {
            assertKey(JS, getText.group(1));
            keys++;
        }
        assertThat(keys).isEqualTo(2);
    }

    @Test
    void theScriptChecksKeysAsTheServerDoes() throws Exception {
        String js = resource(JS);
        Matcher rule = Pattern.compile("var ISSUE_KEY = /(.+)/;").matcher(js);
        assertThat(rule.find()).isTrue();
        Pattern browser = Pattern.compile(rule.group(1)); // the same syntax in JavaScript and Java for this rule
        Matcher max = Pattern.compile("var MAX_LENGTH = (\\d+);").matcher(js);
        assertThat(max.find()).isTrue();
        assertThat(Integer.parseInt(max.group(1))).isEqualTo(IssueKeys.MAX_LENGTH);
        List<String> samples = List.of("OPS-12", "ops-12", " OPS-12 ", "A-1", "A1_B-99", "OPS-0", "OPS-012", "OPS-",
                "-12", "1OPS-2", "_OPS-2", "OPS12", "OPS-12a", "OPS 12", "OPS-1234567890123456789", "OPS-123456789012345678",
                "Ä-1", "OPS-١٢", "", "  ", "A".repeat(98) + "-1", "A".repeat(99) + "-1");
        for (String sample : samples) {
            String canonical = sample.strip().toUpperCase(java.util.Locale.ROOT);
            boolean inBrowser = !canonical.isEmpty() && canonical.length() <= Integer.parseInt(max.group(1))
                    && browser.matcher(canonical).matches();
            assertThat(inBrowser).as("'" + sample + "'").isEqualTo(IssueKeys.parse(sample).isPresent());
        }
    }

    @Test
    void theIconsAreFlat200By150Pngs() throws Exception {
        for (String location : List.of(BlueprintIcons.POSTMORTEM, BlueprintIcons.EXPERIMENT_RETRO)) {
            BufferedImage icon;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(location)) {
                assertThat(in).as(location).isNotNull();
                icon = ImageIO.read(in);
            }
            assertThat(icon.getWidth()).as(location).isEqualTo(BlueprintIcons.WIDTH).isEqualTo(200);
            assertThat(icon.getHeight()).as(location).isEqualTo(BlueprintIcons.HEIGHT).isEqualTo(150);
            assertThat(icon.getRGB(2, 2)).as("pale ground").isEqualTo(BlueprintIcons.PALE.getRGB());
            assertThat(icon.getRGB(60, 31)).as("the page's teal header").isEqualTo(BlueprintIcons.TEAL.getRGB());
            assertThat(icon.getRGB(100, 120)).as("white page").isEqualTo(0xFFFFFFFF);
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(BlueprintIcons.POSTMORTEM)) {
            assertThat(ImageIO.read(in).getRGB(150, 75)).as("the red event").isEqualTo(BlueprintIcons.FAILURE.getRGB());
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(BlueprintIcons.EXPERIMENT_RETRO)) {
            assertThat(ImageIO.read(in).getRGB(135, 110)).as("the flask's liquid").isEqualTo(BlueprintIcons.TEAL.getRGB());
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
