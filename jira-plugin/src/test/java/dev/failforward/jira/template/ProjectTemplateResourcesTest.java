package dev.failforward.jira.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.JiraI18n;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The template's resources: the JSON descriptor Jira applies before the hook runs, the information page, the pictures
 * and the descriptor modules that name them ({@value #SNIPPET}, pasted into atlassian-plugin.xml).
 */
class ProjectTemplateResourcesTest {

    static final String SNIPPET = "dev/failforward/jira/template/project-blueprint.xml";
    static final String SOY = "template/failforward-project-template.soy";
    static final String INFO_TEMPLATE = "FailForward.Templates.ProjectTemplate.info";

    /** The template's own i18n keys: with the descriptor modules, they go into i18n/failforward-jira.properties. */
    static final Set<String> TEMPLATE_KEYS = Set.of(
            "failforward.template.name",
            "failforward.template.description",
            "failforward.template.description.long",
            "failforward.template.webresource.name",
            "failforward.template.info.intro",
            "failforward.template.info.issuetypes",
            "failforward.template.info.setup",
            FailForwardProjectHook.SETUP_FAILED);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GET_TEXT = Pattern.compile("getText\\('([^']+)'\\)");

    private final BundleI18nResolver bundle = JiraI18n.english();

    // ------------------------------------------------------------------------------------------------ JSON descriptor

    @Test
    void theJsonDescriptorOnlyGivesTheProjectAnIssueTypeSchemeOfOurTwoIssueTypes() throws IOException {
        JsonNode descriptor = JSON.readTree(resource(FailForwardProjectHook.DESCRIPTOR));

        assertThat(fieldNames(descriptor)).as("no workflow scheme, screens or resolutions: those are setup's")
                .containsExactly("issue-type-scheme");
        JsonNode scheme = descriptor.get("issue-type-scheme");
        assertThat(fieldNames(scheme)).containsExactly("name", "description", "issue-types");
        assertThat(List.of(scheme.get("name").asText(), scheme.get("description").asText()))
                .as("Jira translates the scheme's name and description through the plugin's bundle")
                .allSatisfy(key -> assertThat(bundle.hasKey(key)).as(key).isTrue());
    }

    @Test
    void theJsonDescriptorNamesOnlyTheIssueTypesSetupCreatesExactlyAsSetupNamesThem() throws Exception {
        JsonNode types = JSON.readTree(resource(FailForwardProjectHook.DESCRIPTOR)).get("issue-type-scheme").get("issue-types");

        List<SetupIssueType> setupTypes = SetupIssueType.all();
        assertThat(types).hasSameSizeAs(setupTypes);
        for (int i = 0; i < setupTypes.size(); i++) {
            SetupIssueType expected = setupTypes.get(i);
            JsonNode type = types.get(i);
            assertThat(fieldNames(type)).as(expected.key()).containsExactly("key", "name", "description", "icon");
            assertThat(type.get("key").asText()).isEqualTo(expected.key());
            // a Jira that already has the type (setup ran in validate) finds it by this name
            assertThat(type.get("name").asText()).isEqualTo(bundle.getText(expected.nameKey()));
            assertThat(type.get("description").asText()).isEqualTo(bundle.getText(expected.descriptionKey()));
            assertThat(type.get("icon").asText()).isEqualTo(expected.iconResource());
            assertThat(resource(expected.iconResource())).as(expected.iconResource()).isNotEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------------ info page, pictures

    @Test
    void theInformationPageIsTheSoyTemplateTheModuleNamesAndEveryTextIsTranslated() {
        String soy = new String(resource(SOY), StandardCharsets.UTF_8);

        String namespace = INFO_TEMPLATE.substring(0, INFO_TEMPLATE.lastIndexOf('.'));
        String template = INFO_TEMPLATE.substring(INFO_TEMPLATE.lastIndexOf('.'));
        assertThat(soy).contains("{namespace " + namespace + "}", "{template " + template + "}", "{/template}");
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = GET_TEXT.matcher(soy);
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertThat(keys).contains("failforward.setup.issuetype.experiment.name", "failforward.setup.issuetype.incident.name")
                .allSatisfy(this::assertKnownKey);
        assertThat(soy.replaceAll("(?s)/\\*\\*.*?\\*/", "").replaceAll("<[^>]+>|\\{[^}]*}", ""))
                .as("no text outside the bundle").isBlank();
    }

    @Test
    void theIconsAreTheSizesTheModuleUsesInThePluginLogosColours() throws IOException {
        BufferedImage icon = image(TemplateIcons.ICON);
        BufferedImage background = image(TemplateIcons.BACKGROUND);

        assertThat(icon.getWidth()).isEqualTo(48);
        assertThat(icon.getHeight()).isEqualTo(48);
        assertThat(background.getWidth()).isEqualTo(background.getHeight()).isEqualTo(TemplateIcons.BACKGROUND_SIZE);
        assertThat(icon.getRGB(0, 0) >>> 24).as("rounded corner").isZero();
        assertThat(icon.getRGB(2, 24)).as("teal").isEqualTo(opaque(icon.getRGB(2, 24))).satisfies(this::assertTeal);
        assertThat(icon.getRGB(37, 14)).as("the arrow's tip is white").isEqualTo(0xFFFFFFFF);
        assertThat(background.getRGB(120, 200)).as("pale inside").isEqualTo(0xFF000000 | TemplateIcons.PALE.getRGB());
    }

    // ------------------------------------------------------------------------------------------------ descriptor modules

    @Test
    void theDescriptorModulesNameOnlyWhatThePluginHas() {
        Element snippet = parse(resource(SNIPPET)).getDocumentElement();
        Element blueprint = only(snippet, "project-blueprint");

        assertBlueprint(blueprint);
        Element webResource = only(snippet, "web-resource");
        for (Element download : elements(webResource, "resource")) {
            assertThat(resourceOrDirectory(download.getAttribute("location"))).as(download.getAttribute("location")).isTrue();
        }
        assertThat(elements(webResource, "resource")).extracting(r -> r.getAttribute("location")).contains(SOY);
        assertKnownKey(webResource.getAttribute("i18n-name-key"));
    }

    @Test
    void onceInTheDescriptorTheTemplateNamesWhatThePluginHas() {
        Document descriptor = parse(resource("atlassian-plugin.xml"));
        List<Element> blueprints = elements(descriptor.getDocumentElement(), "project-blueprint");
        assumeTrue(!blueprints.isEmpty(), "atlassian-plugin.xml has no <project-blueprint> yet");

        assertThat(blueprints).hasSize(1);
        assertBlueprint(blueprints.get(0));
    }

    private void assertBlueprint(Element blueprint) {
        assertThat(text(only(blueprint, "projectTypeKey"))).isEqualTo("business");
        for (String keyed : List.of("label", "description", "longDescription")) {
            assertKnownKey(only(blueprint, keyed).getAttribute("key"));
        }
        assertThat(only(blueprint, "infoPage").getAttribute("soy-template")).isEqualTo(INFO_TEMPLATE);
        assertThat(only(blueprint, "icon").getAttribute("location")).isEqualTo(TemplateIcons.ICON);
        assertThat(only(blueprint, "backgroundIcon").getAttribute("location")).isEqualTo(TemplateIcons.BACKGROUND);
        Element addProject = only(blueprint, "add-project");
        assertThat(only(addProject, "hook").getAttribute("class")).isEqualTo(FailForwardProjectHook.class.getName());
        assertThat(only(addProject, "descriptor").getAttribute("file")).isEqualTo(FailForwardProjectHook.DESCRIPTOR);
        assertThat(resource(FailForwardProjectHook.DESCRIPTOR)).isNotEmpty();
    }

    private void assertKnownKey(String key) {
        assertThat(bundle.hasKey(key) || TEMPLATE_KEYS.contains(key))
                .as("i18n key %s is in the bundle or one of the template's own keys", key).isTrue();
    }

    private void assertTeal(int argb) {
        int red = (argb >> 16) & 0xFF;
        int green = (argb >> 8) & 0xFF;
        int blue = argb & 0xFF;
        assertThat(red).isLessThan(0x20);
        assertThat(green).isBetween(0x60, 0x90);
        assertThat(blue).isBetween(0x68, 0x90);
    }

    private static int opaque(int argb) {
        return argb | 0xFF000000;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** One of setup's issue types, read from its spec (package-private in the setup package) so they cannot drift. */
    record SetupIssueType(String key, String nameKey, String descriptionKey, String iconResource) {

        static List<SetupIssueType> all() throws ReflectiveOperationException {
            Class<?> spec = Class.forName("dev.failforward.jira.setup.SetupSpec");
            Field field = spec.getDeclaredField("ISSUE_TYPES");
            field.setAccessible(true);
            List<SetupIssueType> types = new ArrayList<>();
            for (Object type : (List<?>) field.get(null)) {
                types.add(new SetupIssueType(read(type, "key"), read(type, "nameKey"), read(type, "descriptionKey"),
                        read(type, "iconResource")));
            }
            return types;
        }

        private static String read(Object record, String accessor) throws ReflectiveOperationException {
            Method method = record.getClass().getDeclaredMethod(accessor);
            method.setAccessible(true);
            return (String) method.invoke(record);
        }
    }

    private static byte[] resource(String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        try (InputStream in = ProjectTemplateResourcesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean resourceOrDirectory(String path) {
        return ProjectTemplateResourcesTest.class.getClassLoader().getResource(path) != null;
    }

    private static BufferedImage image(String path) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(resource(path)));
        assertThat(image).as(path + " is a PNG").isNotNull();
        return image;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                found.add(child);
            }
        }
        return found;
    }

    private static Element only(Element parent, String name) {
        List<Element> found = elements(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getTagName()).hasSize(1);
        return found.get(0);
    }

    private static String text(Element element) {
        return element.getTextContent().trim();
    }
}
