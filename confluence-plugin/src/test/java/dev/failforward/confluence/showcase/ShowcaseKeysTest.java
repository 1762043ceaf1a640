package dev.failforward.confluence.showcase;

import com.atlassian.confluence.plugins.createcontent.api.contextproviders.AbstractBlueprintContextProvider;
import dev.failforward.confluence.blueprint.ShowcaseBlueprintContextProvider;
import dev.failforward.confluence.blueprint.ShowcaseBlueprintPages;
import dev.failforward.confluence.macro.ShowcaseMacro;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The showcase macro and the "Failure showcase" blueprint as the descriptor, the content template and the i18n bundle
 * declare them say what {@link ShowcaseKeys} says: macro name and parameters, the web-item → blueprint → content
 * template chain with its icon and file, every i18n key they name, the template's macro and variable, and a context
 * provider Confluence can make (one constructor taking our component) that fills that variable and the title.
 */
class ShowcaseKeysTest {

    private static final Map<String, Element> modules = new HashMap<>();
    private static Properties bundle;

    @BeforeAll
    static void readDescriptor() throws Exception {
        try (InputStream in = resourceStream("atlassian-plugin.xml")) {
            Document descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            for (Element module : children(descriptor.getDocumentElement(), null)) {
                if (module.hasAttribute("key")) {
                    modules.put(module.getAttribute("key"), module);
                }
            }
        }
        bundle = new Properties();
        try (InputStream in = resourceStream("i18n/failforward-confluence.properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theMacroIsDeclaredWithItsParametersAndMacroBrowserLabels() {
        Element macro = module("xhtml-macro", ShowcaseKeys.MACRO_MODULE);
        assertThat(macro.getAttribute("name")).isEqualTo(ShowcaseKeys.MACRO);
        assertThat(macro.getAttribute("class")).isEqualTo(ShowcaseMacro.class.getName());
        assertKey(only(macro, "description").getAttribute("key"));
        List<String> parameters = new ArrayList<>();
        for (Element parameter : children(only(macro, "parameters"), "parameter")) {
            parameters.add(parameter.getAttribute("name"));
            assertThat(parameter.getAttribute("required")).isEqualTo("false");
        }
        assertThat(parameters).containsExactly(ShowcaseKeys.PARAM_PROJECTS, ShowcaseKeys.PARAM_PERIOD);
        String prefix = "dev.failforward.confluence." + ShowcaseKeys.MACRO;
        for (String key : List.of(prefix + ".label", prefix + ".desc",
                prefix + ".param." + ShowcaseKeys.PARAM_PROJECTS + ".label",
                prefix + ".param." + ShowcaseKeys.PARAM_PROJECTS + ".desc",
                prefix + ".param." + ShowcaseKeys.PARAM_PERIOD + ".label",
                prefix + ".param." + ShowcaseKeys.PARAM_PERIOD + ".desc")) {
            assertKey(key);
        }
        Element resources = module("web-resource", ShowcaseKeys.WEB_RESOURCE);
        assertKey(resources.getAttribute("i18n-name-key"));
        for (Element resource : children(resources, "resource")) {
            assertThat(ShowcaseKeysTest.class.getClassLoader().getResource(resource.getAttribute("location")))
                    .as(resource.getAttribute("location")).isNotNull();
        }
    }

    @Test
    void theWebItemBlueprintAndContentTemplateReferToEachOther() throws IOException {
        Element item = module("web-item", ShowcaseKeys.WEB_ITEM);
        assertThat(item.getAttribute("section")).isEqualTo("system.create.dialog/content");
        assertKey(item.getAttribute("i18n-name-key"));
        assertKey(only(item, "description").getAttribute("key"));
        Element icon = only(item, "resource");
        assertThat(List.of(icon.getAttribute("name"), icon.getAttribute("type"))).containsExactly("icon", "download");
        assertThat(ShowcaseKeysTest.class.getClassLoader().getResource(icon.getAttribute("location"))).isNotNull();
        assertThat(param(item, "blueprintKey")).isEqualTo(ShowcaseKeys.BLUEPRINT);

        Element blueprint = module("blueprint", ShowcaseKeys.BLUEPRINT);
        assertKey(blueprint.getAttribute("i18n-name-key"));
        assertKey(blueprint.getAttribute("i18n-index-title-key"));
        assertThat(blueprint.getAttribute("index-key")).isEqualTo(ShowcaseKeys.INDEX_KEY);
        assertThat(blueprint.getAttribute("create-result")).isEqualTo("edit");
        assertThat(blueprint.getAttribute("content-template-key")).isEqualTo(ShowcaseKeys.CONTENT_TEMPLATE);
        assertThat(children(blueprint, "dialog-wizard")).as("no wizard: the editor opens at once").isEmpty();

        Element contentTemplate = module("content-template", ShowcaseKeys.CONTENT_TEMPLATE);
        assertKey(contentTemplate.getAttribute("i18n-name-key"));
        assertKey(only(contentTemplate, "description").getAttribute("key"));
        Element template = only(contentTemplate, "resource");
        assertThat(template.getAttribute("location")).isEqualTo(ShowcaseKeys.TEMPLATE_FILE);
        assertThat(only(contentTemplate, "context-provider").getAttribute("class"))
                .isEqualTo(ShowcaseBlueprintContextProvider.class.getName());

        String storage = new String(resourceStream(ShowcaseKeys.TEMPLATE_FILE).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(storage).contains("<ac:structured-macro ac:name=\"" + ShowcaseKeys.MACRO + "\"")
                .contains("<ac:parameter ac:name=\"" + ShowcaseKeys.PARAM_PERIOD + "\"><at:var at:name=\""
                        + ShowcaseKeys.VARIABLE_PERIOD + "\"/></ac:parameter>");
        java.util.regex.Matcher keys = java.util.regex.Pattern.compile("at:key=\"([^\"]+)\"").matcher(storage);
        int found = 0;
        while (keys.find()) {
            assertKey(keys.group(1));
            found++;
        }
        assertThat(found).isPositive();
    }

    @Test
    void theContextProviderFillsThePeriodAndTheTitle() {
        Class<?> provider = ShowcaseBlueprintContextProvider.class;
        assertThat(AbstractBlueprintContextProvider.class).isAssignableFrom(provider);
        assertThat(provider.getConstructors()).hasSize(1);
        assertThat(provider.getConstructors()[0].getParameterTypes()).containsExactly(ShowcaseBlueprintPages.class);
        assertThat(ShowcaseBlueprintPages.class.isAnnotationPresent(jakarta.inject.Named.class)).isTrue();
        assertThat(provider.isAnnotationPresent(jakarta.inject.Named.class)).isFalse();

        ShowcaseBlueprintPages pages = new ShowcaseBlueprintPages(ShowcaseExportTest.I18N,
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-20T10:00:00Z"), java.time.ZoneOffset.UTC));
        Map<String, Object> context = new ShowcaseBlueprintContextProvider(pages).getContextMap(new HashMap<>());
        assertThat(context.get(ShowcaseKeys.VARIABLE_PERIOD)).isEqualTo("2026-Q3");
        assertThat(context.get("ContentPageTitle")).isEqualTo("Failure showcase 2026-Q3");
        ShowcaseBlueprintPages january = new ShowcaseBlueprintPages(ShowcaseExportTest.I18N,
                java.time.Clock.fixed(java.time.Instant.parse("2027-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        assertThat(january.prepare().period()).as("the last complete quarter").isEqualTo("2026-Q4");
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    private static InputStream resourceStream(String path) {
        InputStream in = ShowcaseKeysTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path + " on the class path").isNotNull();
        return in;
    }

    private static void assertKey(String key) {
        assertThat(key).isNotBlank();
        assertThat(bundle.getProperty(key)).as("i18n key " + key).isNotBlank();
    }

    private static Element module(String type, String key) {
        Element module = modules.get(key);
        assertThat(module).as("module " + key).isNotNull();
        assertThat(module.getTagName()).isEqualTo(type);
        return module;
    }

    private static String param(Element module, String name) {
        for (Element param : children(module, "param")) {
            if (param.getAttribute("name").equals(name)) {
                return param.getAttribute("value");
            }
        }
        throw new AssertionError("no <param name=\"" + name + "\">");
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("one <" + name + ">").hasSize(1);
        return found.get(0);
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
}
